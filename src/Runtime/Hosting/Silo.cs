using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster.Hosting;

namespace MindPeeker.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle as a hosted service: becomes Active after the services registered before
/// it (storage migrations) started; on stop refuses new calls, deactivates every activation
/// (running calls finish, OnDeactivateAsync runs) and ends Dead. In a cluster
/// (<see cref="ClusteringSiloBuilderExtensions.UseClustering"/>) each status is also written to the
/// membership table, and queued calls go to other silos while this one drains.
/// </summary>
internal sealed class Silo(
    SiloRuntime runtime,
    SiloStatistics statistics,
    IOptions<SiloOptions> options,
    ILogger<Silo> logger,
    ClusterSiloLifecycle? cluster = null) : IHostedService, IDisposable
{
    private readonly ActivationCollector _collector = new(runtime);
    private readonly RequestTimeoutMonitor _timeoutMonitor = new(runtime);

    public ActivationCollector Collector => _collector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SetStatus(SiloStatus.Joining);
        RuntimeLog.ManifestLoaded(logger, runtime.Registry.InterfaceCount, runtime.Registry.Classes.Count);
        if (cluster is not null)
        {
            await cluster.JoinAsync(cancellationToken);
        }

        _collector.Start();
        _timeoutMonitor.Start();
        statistics.StartedAt = runtime.TimeProvider.GetUtcNow();
        if (cluster is not null)
        {
            await cluster.BecomeActiveAsync(cancellationToken);
        }

        SetStatus(SiloStatus.Active);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        SetStatus(SiloStatus.ShuttingDown);
        _collector.Dispose();
        try
        {
            if (cluster is not null)
            {
                await cluster.ShutDownAsync(cancellationToken);
            }

            await runtime.Catalog.DeactivateAllAsync(
                new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."), cancellationToken);
        }
        finally
        {
            SetStatus(SiloStatus.Stopping);
            if (cluster is not null)
            {
                await cluster.LeaveAsync(CancellationToken.None);
            }

            _timeoutMonitor.Dispose();
            SetStatus(SiloStatus.Dead);
        }
    }

    public void Dispose()
    {
        _collector.Dispose();
        _timeoutMonitor.Dispose();
    }

    private void SetStatus(SiloStatus status)
    {
        statistics.Status = status;
        RuntimeLog.SiloStatusChanged(logger, options.Value.SiloName, status);
    }
}
