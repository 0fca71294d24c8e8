using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MindPeeker.EndToEnd;

/// <summary>
/// The real host: <c>dotnet MindPeeker.Silo.dll --urls http://127.0.0.1:0</c> in its build output
/// folder, on the given database. Started means Kestrel reported the address it bound; disposing
/// kills the process tree.
/// </summary>
internal sealed partial class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process) => _process = process;

    /// <summary>The base address Kestrel listens on, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<SiloProcess> StartAsync(string connectionString)
    {
        var startInfo = new ProcessStartInfo(BuildPaths.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(BuildPaths.SiloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BuildPaths.SiloAssembly, "--urls", "http://127.0.0.1:0" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ConnectionStrings__MindPeeker"] = connectionString;
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Silo__ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N");
        startInfo.Environment["Silo__Endpoints__SiloPort"] = "0";
        startInfo.Environment["Silo__Endpoints__ListenAddress"] = "127.0.0.1";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";

        var silo = new SiloProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data, listening);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data, listening);
        silo._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The silo exited with code {silo._process.ExitCode} before listening:{Environment.NewLine}{silo.Output}"));
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();

        try
        {
            silo.BaseAddress = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await silo.DisposeAsync();
            throw new TimeoutException($"The silo did not listen within {StartTimeout}:{Environment.NewLine}{silo.Output}");
        }

        return silo;
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
