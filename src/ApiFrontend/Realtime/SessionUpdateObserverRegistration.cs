using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// Makes this front end's <see cref="HubSessionUpdateObserver"/> reachable from every silo
/// (<c>CreateObjectReference</c>) and keeps it registered with <see cref="ISessionUpdateHubListGrain"/>:
/// at start, then every <see cref="RealtimeOptions.ObserverRenewal"/> (the GPS sample's <c>HubListUpdater</c>),
/// and unregisters on a graceful stop. A failed registration is logged and retried at the next renewal.
/// </summary>
internal sealed class SessionUpdateObserverRegistration(
    IGrainFactory grains,
    HubSessionUpdateObserver observer,
    IOptions<RealtimeOptions> options,
    TimeProvider time,
    ILogger<SessionUpdateObserverRegistration> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ISessionUpdateObserver? _reference;
    private Task _renewals = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ISessionUpdateObserver>(observer);
        await RegisterAsync();
        _renewals = RenewAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _renewals;
        if (_reference is null)
        {
            return;
        }

        try
        {
            await grains.GetGrain<ISessionUpdateHubListGrain>(0).Unregister(_reference).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RealtimeLog.ObserverRegistrationFailed(logger, exception);
        }

        grains.DeleteObjectReference<ISessionUpdateObserver>(_reference);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ObserverRenewal, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RegisterAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RegisterAsync()
    {
        try
        {
            await grains.GetGrain<ISessionUpdateHubListGrain>(0).Register(_reference!);
            RealtimeLog.ObserverRegistered(logger);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or InvalidOperationException)
        {
            RealtimeLog.ObserverRegistrationFailed(logger, exception);
        }
    }
}
