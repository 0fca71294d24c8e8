using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MindPeeker.TestSupport.Http;

/// <summary>
/// A real HTTP server on Kestrel at 127.0.0.1 (an ephemeral port) that records every request, any method and path, and
/// answers each with <see cref="Status"/>, plus <see cref="ResponseBody"/>, <see cref="RetryAfter"/> and
/// <see cref="Location"/> when set: a webhook receiver, or an internal service an SSRF test tries to reach. Tests await
/// arrivals with <see cref="WaitForAsync(int)"/> (60 s patience) instead of polling. Thread-safe; dispose stops it.
/// </summary>
public sealed class WebhookTestReceiver : IAsyncDisposable
{
    /// <summary>How long <see cref="WaitForAsync(int)"/> waits for arrivals before failing the test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly ArrivalLog<ReceivedRequest> _received = new();

    private WebhookTestReceiver(WebApplication app) => _app = app;

    /// <summary>The status answered from now on; 204 to start with.</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>A body (text/plain) sent with every answer when set.</summary>
    public string? ResponseBody { get; set; }

    /// <summary>A <c>Retry-After</c> value sent with every answer when set.</summary>
    public string? RetryAfter { get; set; }

    /// <summary>A <c>Location</c> sent with every answer when set (to tell whether a redirect is followed).</summary>
    public string? Location { get; set; }

    /// <summary>The URL deliveries go to: <c>http://127.0.0.1:{port}/hooks/in</c> (any other path is answered the same).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The port it listens on.</summary>
    public int Port => Url.Port;

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.Items;

    public static async Task<WebhookTestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookTestReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Urls.Single()), "/hooks/in");
        return receiver;
    }

    /// <summary>Completes with everything received once at least <paramref name="count"/> requests arrived.</summary>
    public Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count) => WaitForAsync(r => r.Count >= count);

    /// <summary>Completes with everything received once it satisfies <paramref name="condition"/>.</summary>
    public Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition) =>
        _received.WaitForAsync(condition, Patience);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var request = new ReceivedRequest(
            context.Request.Method,
            context.Request.Path,
            headers["webhook-id"],
            headers["webhook-timestamp"],
            headers["X-MindPeeker-Event"],
            headers["webhook-signature"],
            headers["X-MindPeeker-Signature"],
            body);
        context.Response.StatusCode = Status;
        if (RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        // Recorded before the answer is written, so a client that has its answer finds the request recorded.
        _received.Add(request);
        if (ResponseBody is { } text)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text);
        }
    }
}
