namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// The counters of one (grain class, interface method) pair, created once and then only incremented with
/// <see cref="Interlocked"/>: recording a call allocates nothing and takes no lock. Readers see each counter
/// atomically but not all counters at one instant (a snapshot may count a call's latency before its total).
/// </summary>
internal sealed class MethodCallCounters(string grainType, string method)
{
    private readonly long[] _buckets = new long[LatencyBuckets.Count];
    private long _calls;
    private long _exceptions;
    private long _totalTicks;

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    /// <summary>Counts one finished call that took <paramref name="elapsedTicks"/> (of <paramref name="ticksPerSecond"/>).</summary>
    public void Record(long elapsedTicks, long ticksPerSecond, bool failed)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _exceptions);
        }

        Interlocked.Add(ref _totalTicks, elapsedTicks);
        var microseconds = ticksPerSecond == 1_000_000 ? elapsedTicks : (long)(elapsedTicks * (1_000_000.0 / ticksPerSecond));
        Interlocked.Increment(ref _buckets[LatencyBuckets.IndexOf(microseconds)]);
    }

    public GrainMethodTotals ToTotals(long ticksPerSecond) =>
        new(GrainType, Method, Volatile.Read(ref _calls), Volatile.Read(ref _exceptions), Volatile.Read(ref _totalTicks) / (double)ticksPerSecond);

    public GrainMethodSnapshot ToSnapshot(long ticksPerSecond)
    {
        var buckets = new List<int>();
        var counts = new List<long>();
        for (var index = 0; index < _buckets.Length; index++)
        {
            var count = Volatile.Read(ref _buckets[index]);
            if (count != 0)
            {
                buckets.Add(index);
                counts.Add(count);
            }
        }

        var totals = ToTotals(ticksPerSecond);
        return new GrainMethodSnapshot(totals.GrainType, totals.Method, totals.Calls, totals.Exceptions, totals.TotalSeconds, buckets, counts);
    }
}
