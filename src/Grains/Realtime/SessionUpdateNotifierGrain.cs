using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Realtime;

/// <summary>
/// Fans session updates out to every front end's <see cref="ISessionUpdateObserver"/>, shaped like
/// the push notifier of Orleans' GPS-tracker sample: a local, reentrant stateless worker. A publish
/// that finds the worker idle is delivered at once; updates published while a delivery runs gather
/// into batches of at most <see cref="SessionUpdateNotifierOptions.MaxBatchSize"/>, which leave one
/// after another as soon as it ends. Under load a batch is what arrived during the previous delivery.
/// </summary>
/// <remarks>
/// Order: a worker delivers its batches one after another, updates within a batch in arrival order,
/// and <see cref="Publish"/> completes only when the update's batch has been delivered. A session
/// grain awaits each publish before its next one, so a session never has two updates in flight,
/// whichever workers they land on: its updates reach the observers in sequence order. Observer
/// failures are logged per observer and never fail the publish: the update is already recorded,
/// and a client that missed it reads it from the events endpoint.
/// The sample also flushes on a 15 ms timer, because its flush takes only what was queued when it
/// began; this one keeps going while anything is queued, so no update waits for a timer.
/// </remarks>
[StatelessWorker]
[Reentrant]
internal sealed class SessionUpdateNotifierGrain(
    IOptions<SessionUpdateNotifierOptions> options,
    TimeProvider time,
    ILogger<SessionUpdateNotifierGrain> logger) : Grain, ISessionUpdateNotifierGrain
{
    private readonly SessionUpdateNotifierOptions _options = options.Value;
    private IReadOnlyList<ISessionUpdateObserver> _observers = [];
    private long _observersReadAt = long.MinValue;
    private readonly Queue<SessionUpdateBatch> _full = new();
    private SessionUpdateBatch? _open;
    private Task _flush = Task.CompletedTask;

    public Task Publish(SessionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var batch = _open ??= new SessionUpdateBatch(_options.MaxBatchSize);
        batch.Add(update);
        if (batch.IsFull)
        {
            _full.Enqueue(batch);
            _open = null;
        }

        if (_flush.IsCompleted)
        {
            _flush = FlushAsync();
        }

        return batch.Delivered;
    }

    /// <summary>Delivers the waiting batches, oldest first, until none is left.</summary>
    private async Task FlushAsync()
    {
        while (TakeNext() is { } batch)
        {
            await DeliverAsync(batch);
        }
    }

    private SessionUpdateBatch? TakeNext()
    {
        if (_full.TryDequeue(out var full))
        {
            return full;
        }

        var open = _open;
        _open = null;
        return open;
    }

    /// <summary>The hub list's observers, re-read when the cached copy is older than the configured refresh.</summary>
    private async Task<IReadOnlyList<ISessionUpdateObserver>> GetObserversAsync()
    {
        var now = time.GetTimestamp();
        if (_observersReadAt == long.MinValue || time.GetElapsedTime(_observersReadAt, now) >= _options.ObserverListRefresh)
        {
            try
            {
                _observers = await GrainFactory.GetGrain<ISessionUpdateHubListGrain>(0).GetObservers();
                _observersReadAt = now;
            }
            catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException)
            {
                SessionUpdateNotifierLog.HubListUnavailable(logger, exception);
            }
        }

        return _observers;
    }

    private async Task DeliverAsync(SessionUpdateBatch batch)
    {
        var current = await GetObserversAsync();
        switch (current.Count)
        {
            case 0:
                break;
            case 1:
                await DeliverToAsync(current[0], batch.Updates);
                break;
            default:
                var deliveries = new Task[current.Count];
                for (var i = 0; i < deliveries.Length; i++)
                {
                    deliveries[i] = DeliverToAsync(current[i], batch.Updates);
                }

                await Task.WhenAll(deliveries);
                break;
        }

        SessionUpdateNotifierLog.Delivered(logger, batch.Updates.Count, current.Count);
        batch.MarkDelivered();
    }

    private async Task DeliverToAsync(ISessionUpdateObserver observer, IReadOnlyList<SessionUpdate> updates)
    {
        try
        {
            // Off this activation's scheduler, as a call to a remote observer would be: the front
            // end's code must not run as a turn of this grain.
            await Task.Run(() => observer.OnSessionUpdates(updates));
        }
        catch (Exception exception)
        {
            SessionUpdateNotifierLog.DeliveryFailed(logger, exception, observer.GetGrainId().ToString(), updates.Count);
        }
    }
}
