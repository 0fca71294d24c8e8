using System.Net;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Integrations.Platforms;

/// <summary>
/// Talks to one platform over the SSRF-guarded outbound client (<see cref="OutboundHttpClientFactory"/>: every resolved
/// address checked, redirects never followed). Failures of any kind come back as a failed
/// <see cref="ConnectionTestResult"/> whose error names no credential; nothing throws except cancellation by the caller.
/// Thread-safe; one instance per platform per silo.
/// </summary>
internal abstract class IntegrationPlatformClient(HttpClient http, TimeProvider time)
{
    /// <summary>Most response bytes read from a platform.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The <see cref="IntegrationPlatforms"/> name this client serves.</summary>
    public abstract string Platform { get; }

    protected TimeProvider Time => time;

    /// <summary>Checks that the platform answers and accepts the credentials.</summary>
    public abstract Task<ConnectionTestResult> TestAsync(IntegrationTarget target, CancellationToken cancellationToken);

    /// <summary>One sync run: what it does depends on the platform.</summary>
    public abstract Task<ConnectionTestResult> SyncAsync(IntegrationTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and judges the answer: a non-2xx status fails with the status; otherwise
    /// <paramref name="judge"/> reads the body (at most <see cref="MaxResponseBytes"/>) and may fail it.
    /// </summary>
    protected async Task<ConnectionTestResult> SendAsync(
        HttpRequestMessage request, Func<HttpStatusCode, byte[], ConnectionTestResult>? judge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new ConnectionTestResult(false, Elapsed(started), $"The platform answered HTTP {status} {response.ReasonPhrase}.", status);
            }

            var body = await ReadCappedAsync(response.Content, cancellationToken);
            if (body is null)
            {
                return new ConnectionTestResult(false, Elapsed(started), $"The answer was larger than {MaxResponseBytes} bytes.", status);
            }

            var verdict = judge?.Invoke(response.StatusCode, body) ?? new ConnectionTestResult(true, 0, null, status);
            return verdict with { LatencyMs = Elapsed(started), StatusCode = status };
        }
        catch (HttpRequestException e)
        {
            var reason = OutboundDestinationBlockedException.Find(e)?.Message ?? e.Message;
            return new ConnectionTestResult(false, Elapsed(started), $"The connection failed: {reason}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestResult(false, Elapsed(started), $"No answer within {http.Timeout.TotalSeconds:0.#} s.", null);
        }
    }

    private double Elapsed(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 3);

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
