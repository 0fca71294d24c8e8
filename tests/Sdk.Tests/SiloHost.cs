using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MindPeeker.Sdk.Tests;

/// <summary>
/// <c>dotnet MindPeeker.Silo.dll --urls http://127.0.0.1:0</c> with the front end co-hosted, alone in a fresh
/// cluster on the given database: real Kestrel on loopback, so WebSockets and node clients work. Started means
/// Kestrel reported its address; disposing kills the process tree.
/// </summary>
internal sealed partial class SiloHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloHost(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<SiloHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
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

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        startInfo.Environment["ConnectionStrings__MindPeeker"] = connectionString;
        startInfo.Environment["Silo__ClusterId"] = "sdk-" + Guid.NewGuid().ToString("N");
        startInfo.Environment["Silo__Endpoints__SiloPort"] = "0";
        startInfo.Environment["Silo__Endpoints__ListenAddress"] = "127.0.0.1";
        startInfo.Environment["Integrations__Credentials__MasterKeys__1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        var host = new SiloHost(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data, listening);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data, listening);
        host._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The silo exited before listening:{Environment.NewLine}{host.Output}"));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            host.BaseAddress = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The silo did not listen within {StartTimeout}:{Environment.NewLine}{host.Output}");
        }

        return host;
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
