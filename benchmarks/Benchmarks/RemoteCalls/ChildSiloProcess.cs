using System.Collections.Concurrent;
using System.Diagnostics;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// This benchmark program started again as a silo (<see cref="ClusterBenchmarkSilo.RunChildAsync"/>); started means
/// the child printed its ready line, so it is Active in the membership table. Disposing kills it.
/// </summary>
internal sealed class ChildSiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildSiloProcess(Process process) => _process = process;

    /// <summary>The silo's address, <c>host:port@generation</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The child's <see cref="TransportEchoServer"/> (started with <see cref="ClusterBenchmarkSilo.EchoServerFlag"/>), else null.</summary>
    public string? EchoAddress { get; private set; }

    /// <summary>CPU time the child used so far (user + kernel).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ChildSiloProcess> StartAsync(
        string scenario, string connectionString, string clusterId, IReadOnlyDictionary<string, string> settings, bool echoServer = false)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet";
        var startInfo = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(typeof(ChildSiloProcess).Assembly.Location);
        startInfo.ArgumentList.Add(scenario);
        startInfo.ArgumentList.Add(ClusterBenchmarkSilo.ChildFlag);
        startInfo.ArgumentList.Add($"--Silo:ClusterId={clusterId}");
        if (echoServer)
        {
            startInfo.ArgumentList.Add(ClusterBenchmarkSilo.EchoServerFlag);
        }

        foreach (var (key, value) in settings)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        startInfo.Environment[$"ConnectionStrings__{ClusterBenchmarkSilo.ConnectionStringName}"] = connectionString;
        var child = new ChildSiloProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            child._output.Enqueue(line);
            if (line.StartsWith(ClusterBenchmarkSilo.ReadyPrefix + " address=", StringComparison.Ordinal))
            {
                ready.TrySetResult(line[(ClusterBenchmarkSilo.ReadyPrefix.Length + " address=".Length)..].Trim());
            }
        }

        child._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        child._process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        child._process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"The child silo exited with code {child._process.ExitCode} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, child._output)}"));
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            var fields = (await ready.Task.WaitAsync(StartTimeout, TimeProvider.System)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            child.Address = fields[0];
            child.EchoAddress = fields.FirstOrDefault(f => f.StartsWith("echo=", StringComparison.Ordinal))?["echo=".Length..];
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync();
            throw new TimeoutException($"The child silo was not ready within {StartTimeout}:{Environment.NewLine}{string.Join(Environment.NewLine, child._output)}");
        }

        return child;
    }

    /// <summary>SIGKILL: no shutdown code runs; the others must detect the failure.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
