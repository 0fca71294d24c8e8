using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// A real MindPeeker cluster on loopback for one test: silos (<c>MindPeeker.Silo.dll --role … --no-frontend</c>) and
/// standalone front ends (<c>MindPeeker.ApiFrontend.dll</c>) on one PostgreSQL database, under a cluster id of their
/// own. Every process it started is killed on dispose; <see cref="Describe"/> gathers their output for failure messages.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    /// <summary>Registering with this address gives the admin role (<c>Identity:AdminEmails</c> on every front end).</summary>
    public const string AdminEmail = "operator@e2e.example.com";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly List<HostProcess> _processes = [];
    private readonly Dictionary<string, string> _siloSettings;
    private readonly object _gate = new();

    /// <param name="connectionString">The test's own database.</param>
    /// <param name="siloSettings">Environment every silo gets on top of the cluster's (e.g. shorter watchdog periods).</param>
    public TestCluster(string connectionString, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        ConnectionString = connectionString;
        _siloSettings = new Dictionary<string, string>(siloSettings ?? new Dictionary<string, string>());

        // Production silos refuse to start without the integrations' master key; every silo of the cluster shares one.
        _siloSettings.TryAdd("Integrations__Credentials__MasterKeys__1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    public string ConnectionString { get; }

    /// <summary>Unique per test, so membership rows of other tests (or a leftover run) never mix in.</summary>
    public string ClusterId { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>One shared client for probes and helpers; tests give their load clients their own.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(40) };

    /// <summary>Starts a silo with role <paramref name="role"/> and no front end, and waits until its <c>/health/ready</c> answers 200.</summary>
    public async Task<HostProcess> StartSiloAsync(string name, string role, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(_siloSettings)
        {
            ["ConnectionStrings__MindPeeker"] = ConnectionString,
            ["Silo__ClusterId"] = ClusterId,
            ["Silo__SiloName"] = name,
            ["Silo__Endpoints__SiloPort"] = "0",
            ["Silo__Endpoints__ListenAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return await StartAsync(name, BuildPaths.SiloAssembly, ["--role", role, "--no-frontend"], environment);
    }

    /// <summary>
    /// Starts a standalone front end (cluster client) with rate limits high enough for load tests, and waits until its
    /// <c>/health/ready</c> answers 200 (it has found a gateway silo). <paramref name="settings"/> (environment
    /// variables, e.g. <c>OpenTelemetry__Otlp__Endpoint</c>) are added last and win over the defaults.
    /// </summary>
    public async Task<HostProcess> StartFrontEndAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__MindPeeker"] = ConnectionString,
            ["Cluster__ClusterId"] = ClusterId,
            ["Identity__AdminEmails__0"] = AdminEmail,
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["RateLimiting__SessionCreation__PermitLimit"] = "1000000",
            ["RateLimiting__AuthAttempts__PermitLimit"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return await StartAsync(name, BuildPaths.ApiFrontendAssembly, [], environment);
    }

    /// <summary>Answers whether <c>GET /health/ready</c> of <paramref name="host"/> is 200 now.</summary>
    public async Task<bool> IsReadyAsync(HostProcess host)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(host.BaseAddress, "/health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The tail of every process's output, for a failure message.</summary>
    public string Describe(int linesPerProcess = 60)
    {
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var process in _processes)
            {
                var lines = process.Output.Split(Environment.NewLine);
                text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}===== {process.Name} (pid {process.Id}, {(process.HasExited ? "exited" : "running")}) =====")
                    .Append(Environment.NewLine)
                    .AppendJoin(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - linesPerProcess)));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Kills every process; with <see cref="LogFolderVariable"/> set, first writes each process's whole output to
    /// <c>&lt;folder&gt;/&lt;cluster id&gt;/&lt;name&gt;-&lt;pid&gt;.log</c>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        List<HostProcess> processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }

        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        if (Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 } folder)
        {
            var directory = Directory.CreateDirectory(Path.Combine(folder, ClusterId));
            foreach (var process in processes)
            {
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, $"{process.Name}-{process.Id}.log"), process.Output);
            }
        }

        Http.Dispose();
    }

    /// <summary>Environment variable naming a folder to keep every process's full output in (debugging; unset in CI).</summary>
    public const string LogFolderVariable = "MINDPEEKER_E2E_LOGS";

    private async Task<HostProcess> StartAsync(string name, string assembly, string[] arguments, Dictionary<string, string> environment)
    {
        var host = await HostProcess.StartAsync(name, assembly, arguments, environment);
        lock (_gate)
        {
            _processes.Add(host);
        }

        await Poll.UntilAsync(() => IsReadyAsync(host), ReadyTimeout, () => $"{name} to be ready{Describe()}");
        return host;
    }
}
