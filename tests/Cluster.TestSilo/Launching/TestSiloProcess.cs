using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MindPeeker.Cluster.TestSilo.Launching;

/// <summary>
/// One test silo running as a child process (<c>dotnet MindPeeker.Cluster.TestSilo.dll ...</c>), for tests and
/// benchmarks that need real process boundaries: started means the silo printed its ready line (it is Active);
/// it can be killed (SIGKILL), terminated gracefully (SIGTERM), frozen (SIGSTOP) and resumed (SIGCONT).
/// Disposing kills whatever is still running. Thread-safe.
/// </summary>
public sealed partial class TestSiloProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestSiloProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The name given at start (<c>Silo:SiloName</c>).</summary>
    public string Name { get; }

    /// <summary>The silo's address as written in the membership table, <c>host:port@generation</c>.</summary>
    public string Address { get; private set; } = "";

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only meaningful once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts <paramref name="siloAssembly"/> with <paramref name="dotnetHost"/> as silo <paramref name="name"/> of
    /// cluster <paramref name="clusterId"/> on a free loopback port, plus <paramref name="settings"/> (configuration
    /// keys such as <c>Silo:Roles:0</c>), and waits until it is Active or <paramref name="startTimeout"/> passed.
    /// </summary>
    public static async Task<TestSiloProcess> StartAsync(
        string dotnetHost,
        string siloAssembly,
        string connectionString,
        string clusterId,
        string name,
        IReadOnlyDictionary<string, string>? settings,
        TimeSpan startTimeout)
    {
        var startInfo = new ProcessStartInfo(dotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(siloAssembly);
        var all = new Dictionary<string, string>
        {
            ["Silo:ClusterId"] = clusterId,
            ["Silo:SiloName"] = name,
            ["Silo:Endpoints:SiloPort"] = "0",
            ["Silo:Endpoints:ListenAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        // Through the environment, so the password (if any) is not on a command line.
        startInfo.Environment["ConnectionStrings__" + TestSiloProtocol.ConnectionStringName] = connectionString;
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";

        var silo = new TestSiloProcess(name, new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException(
            $"Silo {name} exited with code {silo._process.ExitCode} before it was ready:{Environment.NewLine}{silo.Output}"));
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();

        try
        {
            silo.Address = await silo._ready.Task.WaitAsync(startTimeout, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            await silo.DisposeAsync();
            throw new TimeoutException($"Silo {name} was not ready within {startTimeout}:{Environment.NewLine}{silo.Output}");
        }

        return silo;
    }

    /// <summary>SIGKILL to the process tree: no shutdown code runs, its membership row stays Active until others vote it Dead.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the host stops gracefully (ShuttingDown, drain, Dead).</summary>
    public void Terminate() => PosixSignals.Send(_process.Id, PosixSignals.Terminate);

    /// <summary>SIGSTOP: the process freezes; its sockets stay open but nothing answers.</summary>
    public void Freeze() => PosixSignals.Send(_process.Id, PosixSignals.Stop);

    /// <summary>SIGCONT: a frozen process runs again.</summary>
    public void Resume() => PosixSignals.Send(_process.Id, PosixSignals.Continue);

    /// <summary>Waits for the process to exit; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout, TimeProvider.System);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Address}, pid {_process.Id})");

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }

        if (ReadyLine().Match(line) is { Success: true } match)
        {
            _ready.TrySetResult(match.Groups["address"].Value);
        }
    }

    [GeneratedRegex(TestSiloProtocol.ReadyPrefix + @" address=(?<address>\S+) pid=\d+")]
    private static partial Regex ReadyLine();
}
