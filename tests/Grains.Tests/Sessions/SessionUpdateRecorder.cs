using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>
/// A front-end observer registered with the silo's real notifier: records every published update
/// and lets a test await one (a signal, not a sleep). Thread-safe.
/// </summary>
internal sealed class SessionUpdateRecorder : ISessionUpdateObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private readonly List<SessionUpdate> _updates = [];
    private readonly List<(Func<SessionUpdate, bool> Match, TaskCompletionSource<SessionUpdate> Signal)> _waiters = [];

    public IReadOnlyList<SessionUpdate> Of(Guid sessionId)
    {
        lock (_lock)
        {
            return [.. _updates.Where(u => u.SessionId == sessionId)];
        }
    }

    /// <summary>The first update of the session matching <paramref name="match"/>, published before or after the call.</summary>
    public Task<SessionUpdate> WaitForAsync(Guid sessionId, Func<SessionUpdate, bool> match)
    {
        lock (_lock)
        {
            var seen = _updates.FirstOrDefault(u => u.SessionId == sessionId && match(u));
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var signal = new TaskCompletionSource<SessionUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((u => u.SessionId == sessionId && match(u), signal));
            return signal.Task.WaitAsync(Patience);
        }
    }

    public Task WaitForEventAsync(Guid sessionId, string @event) => WaitForAsync(sessionId, u => u.Event == @event);

    public Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch)
    {
        lock (_lock)
        {
            foreach (var update in batch)
            {
                _updates.Add(update);
                foreach (var waiter in _waiters.Where(w => w.Match(update)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Signal.TrySetResult(update);
                }
            }
        }

        return Task.CompletedTask;
    }
}
