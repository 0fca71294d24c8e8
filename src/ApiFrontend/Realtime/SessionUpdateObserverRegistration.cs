using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Realtime;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// Registers this front end's <see cref="HubSessionUpdateObserver"/> with the silo for the host's
/// lifetime (the GPS sample's <c>HubListUpdater</c>; with one co-hosted silo a single registration
/// at start suffices, a cross-process silo list will need it renewed periodically).
/// </summary>
internal sealed class SessionUpdateObserverRegistration(
    SessionUpdateObservers observers,
    HubSessionUpdateObserver observer,
    ILogger<SessionUpdateObserverRegistration> logger) : IHostedService
{
    private IDisposable? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = observers.Register(observer);
        RealtimeLog.ObserverRegistered(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }
}
