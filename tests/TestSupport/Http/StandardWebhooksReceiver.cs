using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace MindPeeker.TestSupport.Http;

/// <summary>
/// Runs <c>tests/Scripts/standard-webhooks-receiver.cjs</c>: a node HTTP server on 127.0.0.1 that verifies every POST
/// with the npm <c>standardwebhooks</c> package and the legacy hex signature, answers 204 (or the status set with
/// <see cref="SetBehaviourAsync"/>) when both are valid and 400 when not. Each POST is reported back over the
/// process's standard output, so tests wait on real arrivals (<see cref="WaitForAsync"/>) instead of polling.
/// Dispose stops the process. Thread safe.
/// </summary>
public sealed class StandardWebhooksReceiver : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly HttpClient _control = new();
    private readonly ArrivalLog<ReceivedWebhook> _received = new();
    private readonly Task _reader;

    private StandardWebhooksReceiver(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _reader = Task.Run(ReadReportsAsync);
    }

    /// <summary>The receiver's base URL (http://127.0.0.1:port/); any path accepts deliveries.</summary>
    public Uri Url { get; }

    /// <summary>What arrived so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _received.Items;

    /// <summary>Starts a receiver verifying with <paramref name="secret"/> (a <c>whsec_</c> secret as the owner was shown it).</summary>
    public static async Task<StandardWebhooksReceiver> StartAsync(string secret)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Scripts", "standard-webhooks-receiver.cjs"));
        startInfo.ArgumentList.Add("0");
        startInfo.ArgumentList.Add(secret);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout) is not { } line)
            {
                await process.WaitForExitAsync().WaitAsync(StartTimeout);
                throw new InvalidOperationException(
                    $"The receiver exited before listening (exit code {process.ExitCode}; is `npm ci` done?): {await stderr}");
            }

            var port = JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32();
            return new StandardWebhooksReceiver(process, port);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Completes once what arrived satisfies <paramref name="condition"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout) =>
        _received.WaitForAsync(condition, timeout);

    /// <summary>From now on, answers valid deliveries with <paramref name="status"/> (and a <c>Retry-After</c> of <paramref name="retryAfter"/> when given).</summary>
    public async Task SetBehaviourAsync(int status, string? retryAfter = null)
    {
        using var response = await _control.PutAsJsonAsync(new Uri(Url, "behaviour"), new { status, retry_after = retryAfter });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _reader;
        _process.Dispose();
        _control.Dispose();
    }

    private async Task ReadReportsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            using var report = JsonDocument.Parse(line);
            if (!report.RootElement.TryGetProperty("received", out var element))
            {
                continue;
            }

            _received.Add(element.Deserialize<ReceivedWebhook>(Json)!);
        }
    }
}
