using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MindPeeker.EndToEnd;

/// <summary>
/// One real .NET host process (a silo or a standalone front end): <c>dotnet &lt;assembly&gt; --urls http://127.0.0.1:0 …</c>
/// started in its build output folder with the given environment. Started means Kestrel reported the address it
/// bound. <see cref="KillAsync"/> is <c>kill -9</c> of the whole tree, <see cref="StopAsync"/> a graceful SIGTERM;
/// disposing kills whatever still runs.
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private HostProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The name the test gave this process (its silo name, or the front end's label).</summary>
    public string Name { get; }

    /// <summary>The base address Kestrel listens on, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The operating system's process id.</summary>
    public int Id { get; private set; }

    public bool HasExited { get; private set; }

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts <paramref name="assemblyPath"/> with <c>--urls http://127.0.0.1:0</c> and <paramref name="arguments"/>,
    /// with <paramref name="environment"/> added to this process's environment, and waits until it listens.
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string name, string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(BuildPaths.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assemblyPath, "--urls", "http://127.0.0.1:0" }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var host = new HostProcess(name, new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data, listening);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data, listening);
        host._process.Exited += (_, _) => host.HasExited = true;
        host._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"{name} exited with code {host._process.ExitCode} before listening:{Environment.NewLine}{host.Output}"));
        host._process.Start();
        host.Id = host._process.Id;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        try
        {
            host.BaseAddress = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"{name} did not listen within {StartTimeout}:{Environment.NewLine}{host.Output}");
        }

        return host;
    }

    /// <summary><c>kill -9</c> of the process tree: no shutdown code runs, the membership row stays Active until the cluster notices.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            HasExited = true;
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod: the host shuts down gracefully; waits until it has exited.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start."))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            HasExited = true;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not stop within {timeout} of SIGTERM:{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://[^\s""]+)")]
    private static partial Regex ListeningLine();
}
