namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// <see cref="GrainMethodTotals"/> plus the cumulative latency histogram: <paramref name="Buckets"/> are the
/// <see cref="LatencyBuckets"/> indexes that hold at least one call, ascending, and <paramref name="Counts"/> the
/// number of calls in each (same length). Two snapshots of the same silo diff into the calls of the interval.
/// </summary>
public sealed record GrainMethodSnapshot(
    string GrainType,
    string Method,
    long Calls,
    long Exceptions,
    double TotalSeconds,
    IReadOnlyList<int> Buckets,
    IReadOnlyList<long> Counts);
