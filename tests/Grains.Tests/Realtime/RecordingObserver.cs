using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Tests.Realtime;

/// <summary>
/// The test's front end: records every batch it is given, in arrival order. While
/// <see cref="Hold"/> is in force every delivery waits for <see cref="Release"/>, which lets a test
/// keep the notifiers' flushes running while it publishes more.
/// </summary>
internal sealed class RecordingObserver : ISessionUpdateObserver
{
    private readonly Lock _lock = new();
    private readonly List<IReadOnlyList<SessionUpdate>> _batches = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _callWaiters = [];
    private TaskCompletionSource? _gate;
    private int _calls;

    public IReadOnlyList<IReadOnlyList<SessionUpdate>> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<SessionUpdate> Updates => [.. Batches.SelectMany(b => b)];

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult();

    /// <summary>Completes once the observer has been called <paramref name="count"/> times (held calls included).</summary>
    public Task CalledAtLeast(int count)
    {
        lock (_lock)
        {
            if (_calls >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((count, reached));
            return reached.Task;
        }
    }

    public async Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch)
    {
        var copy = batch.ToArray();
        lock (_lock)
        {
            _calls++;
            foreach (var waiter in _callWaiters.Where(w => w.Count <= _calls).ToList())
            {
                waiter.Reached.TrySetResult();
                _callWaiters.Remove(waiter);
            }
        }

        if (_gate is { } gate)
        {
            await gate.Task;
        }

        lock (_lock)
        {
            _batches.Add(copy);
        }
    }
}
