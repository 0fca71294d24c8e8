using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;

namespace MindPeeker.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle as a hosted service: becomes Active after the services registered before
/// it (storage migrations) started; on stop refuses new calls, deactivates every activation
/// (running calls finish, OnDeactivateAsync runs) and ends Dead.
/// </summary>
internal sealed class Silo(SiloRuntime runtime, SiloStatistics statistics, IOptions<SiloOptions> options, ILogger<Silo> logger) : IHostedService, IDisposable
{
    private readonly ActivationCollector _collector = new(runtime);
    private readonly RequestTimeoutMonitor _timeoutMonitor = new(runtime);

    public ActivationCollector Collector => _collector;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        SetStatus(SiloStatus.Joining);
        RuntimeLog.ManifestLoaded(logger, runtime.Registry.InterfaceCount, runtime.Registry.Classes.Count);
        _collector.Start();
        _timeoutMonitor.Start();
        statistics.StartedAt = runtime.TimeProvider.GetUtcNow();
        SetStatus(SiloStatus.Active);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        SetStatus(SiloStatus.ShuttingDown);
        _collector.Dispose();
        try
        {
            await runtime.Catalog.DeactivateAllAsync(
                new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."), cancellationToken);
        }
        finally
        {
            SetStatus(SiloStatus.Stopping);
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
