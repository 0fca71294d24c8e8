using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// The unauthenticated scrape listener of <see cref="MetricsOptions.InternalPort"/>: a separate small Kestrel server
/// answering only <c>GET /metrics</c> (404 for anything else). It is separate from the main server so it works the
/// same in the front end, the co-hosted silo and a silo without HTTP API, and leaves the main server's URLs alone.
/// </summary>
internal sealed class InternalMetricsListener(
    PrometheusMetricsCollector collector,
    IOptions<MetricsOptions> options,
    ILogger<InternalMetricsListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    /// <summary>The listener's address once started (<c>http://host:port</c>); null when disabled.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.InternalPort is not { } port)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Value.InternalAddress), port));
        builder.Services.AddRoutingCore();
        var server = builder.Build();
        server.UseRouting();
        server.MapGet(MetricsEndpoint.Path, () => Results.Text(collector.Scrape(), PrometheusTextFormat.ContentType));
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        _server = server;
        var bound = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
        ObservabilityLog.MetricsListenerStarted(logger, bound ?? $"{options.Value.InternalAddress}:{port}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
