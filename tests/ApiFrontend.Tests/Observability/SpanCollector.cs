using System.Collections.Concurrent;
using System.Diagnostics;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// An <see cref="ActivityListener"/> on the sources a MindPeeker trace is made of, keeping every stopped span of one
/// trace id (spans of other tests running in parallel are ignored). Thread-safe; dispose to stop listening.
/// </summary>
internal sealed class SpanCollector : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<IReadOnlyList<Activity>, bool> Done, TaskCompletionSource Signal)> _waiters = [];

    public SpanCollector(ActivityTraceId traceId, IReadOnlyList<string> sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != traceId)
                {
                    return;
                }

                lock (_lock)
                {
                    _spans.Enqueue(activity);
                    var spans = Spans;
                    foreach (var waiter in _waiters.Where(w => w.Done(spans)).ToList())
                    {
                        _waiters.Remove(waiter);
                        waiter.Signal.TrySetResult();
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>Completes once the spans collected so far satisfy <paramref name="done"/>.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<Activity>, bool> done, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (done(Spans))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
            return signal.Task.WaitAsync(timeout);
        }
    }

    public void Dispose() => _listener.Dispose();
}
