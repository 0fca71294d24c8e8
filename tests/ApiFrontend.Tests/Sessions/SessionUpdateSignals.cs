using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

/// <summary>
/// An observer on the silo's real update notifier (registered before the host starts, see
/// <see cref="SessionHost"/>), so a test awaits a session's update (a signal) instead of sleeping
/// or polling. Thread-safe.
/// </summary>
internal sealed class SessionUpdateSignals : ISessionUpdateObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private readonly List<SessionUpdate> _seen = [];
    private readonly List<(Func<SessionUpdate, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    /// <summary>Completes when the session has published an update with <paramref name="event"/> (before or after this call).</summary>
    public Task WaitForEventAsync(Guid sessionId, string @event)
    {
        lock (_lock)
        {
            if (_seen.Any(u => u.SessionId == sessionId && u.Event == @event))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((u => u.SessionId == sessionId && u.Event == @event, signal));
            return signal.Task.WaitAsync(Patience);
        }
    }

    public Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch)
    {
        lock (_lock)
        {
            foreach (var update in batch)
            {
                _seen.Add(update);
                foreach (var waiter in _waiters.Where(w => w.Match(update)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Signal.TrySetResult();
                }
            }
        }

        return Task.CompletedTask;
    }
}
