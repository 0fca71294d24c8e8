using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Realtime;

/// <summary>
/// Fans session updates out to every front end's <see cref="ISessionUpdateObserver"/>, shaped like
/// the push notifier of Orleans' GPS-tracker sample: a local, reentrant stateless worker that
/// flushes on a publish when no flush is running, and otherwise lets updates gather into batches of
/// at most <see cref="SessionUpdateNotifierOptions.MaxBatchSize"/>, sent as soon as one is full or
/// by the next publish or <see cref="SessionUpdateNotifierOptions.FlushInterval"/> timer tick.
/// </summary>
/// <remarks>
/// Order: a worker delivers its batches one after another, updates within a batch in arrival order,
/// and <see cref="Publish"/> completes only when the update's batch has been delivered. A session
/// grain awaits each publish before its next one, so a session never has two updates in flight,
/// whichever workers they land on: its updates reach the observers in sequence order. Observer
/// failures are logged per observer and never fail the publish: the update is already recorded,
/// and a client that missed it reads it from the events endpoint.
/// </remarks>
[StatelessWorker]
[Reentrant]
internal sealed class SessionUpdateNotifierGrain(
    SessionUpdateObservers observers,
    IOptions<SessionUpdateNotifierOptions> options,
    ILogger<SessionUpdateNotifierGrain> logger) : Grain, ISessionUpdateNotifierGrain
{
    private readonly SessionUpdateNotifierOptions _options = options.Value;
    private readonly Queue<SessionUpdateBatch> _full = new();
    private SessionUpdateBatch? _open;
    private Task _flush = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RegisterGrainTimer(
            _ => FlushIfIdle(),
            new GrainTimerCreationOptions(_options.FlushInterval, _options.FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

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

        FlushIfIdle();
        return batch.Delivered;
    }

    private Task FlushIfIdle()
    {
        if (_flush.IsCompleted && (_open is not null || _full.Count > 0))
        {
            _flush = FlushAsync();
        }

        return _flush;
    }

    /// <summary>
    /// Delivers the oldest waiting batch, then keeps going while full batches wait; a partial batch
    /// that gathered meanwhile leaves with the next publish or timer tick.
    /// </summary>
    private async Task FlushAsync()
    {
        do
        {
            SessionUpdateBatch batch;
            if (_full.Count > 0)
            {
                batch = _full.Dequeue();
            }
            else if (_open is not null)
            {
                batch = _open;
                _open = null;
            }
            else
            {
                return;
            }

            await DeliverAsync(batch);
        }
        while (_full.Count > 0);
    }

    private async Task DeliverAsync(SessionUpdateBatch batch)
    {
        var current = observers.Current;
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
            SessionUpdateNotifierLog.DeliveryFailed(logger, exception, observer.GetType().Name, updates.Count);
        }
    }
}
