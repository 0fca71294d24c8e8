using System.Collections.Concurrent;

namespace MindPeeker.Runtime.Tests.Grains;

/// <summary>
/// What test grains did, recorded in order, plus gates the test opens to let a grain continue.
/// Registered as a singleton in each test's silo, so tests never share one.
/// </summary>
public sealed class TestLedger
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private int _concurrent;
    private int _maxConcurrent;

    public IReadOnlyList<string> Events => [.. _events];

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public void Record(string evt)
    {
        _events.Enqueue(evt);
        _counters.AddOrUpdate(evt, 1, static (_, n) => n + 1);
        Signal(evt).TrySetResult();
    }

    public int Count(string evt) => _counters.GetValueOrDefault(evt);

    /// <summary>Completes when <paramref name="evt"/> has been recorded (now or later); fails the test after 10 s.</summary>
    public Task WaitFor(string evt) => Signal(evt).Task.WaitAsync(TimeSpan.FromSeconds(10));

    public Task Gate(string label) => _gates.GetOrAdd(label, static _ => NewSource()).Task;

    public void Open(string label) => _gates.GetOrAdd(label, static _ => NewSource()).TrySetResult();

    public void Enter()
    {
        var now = Interlocked.Increment(ref _concurrent);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _concurrent);

    private TaskCompletionSource Signal(string evt) => _signals.GetOrAdd(evt, static _ => NewSource());

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
