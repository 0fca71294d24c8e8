using Microsoft.Extensions.Hosting;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>Creates the collector and the process instruments when the host starts, so nothing recorded after start is missed.</summary>
internal sealed class MetricsStartup(PrometheusMetricsCollector collector, ProcessMetrics process, HttpMetrics http) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        GC.KeepAlive(process);
        GC.KeepAlive(http);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
