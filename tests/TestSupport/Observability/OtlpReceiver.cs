using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.TestSupport.Observability;

/// <summary>
/// A real OTLP/HTTP endpoint on loopback Kestrel (an ephemeral port): accepts <c>POST /v1/traces</c> (protobuf) and keeps
/// each request's content type and body, answering with an empty <c>ExportTraceServiceResponse</c>. Any number of
/// processes may export to it; <see cref="Exports"/> is safe to read while exports arrive. Dispose stops it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>Every export received so far, in arrival order: the request's content type and raw body.</summary>
    public ConcurrentQueue<(string? ContentType, byte[] Body)> Exports { get; } = new();

    /// <summary>The base address (<c>http://127.0.0.1:{port}/</c>); exporters post to <c>{Address}v1/traces</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts a receiver and returns once it listens.</summary>
    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.UseRouting();
        app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Exports.Enqueue((context.Request.ContentType, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
