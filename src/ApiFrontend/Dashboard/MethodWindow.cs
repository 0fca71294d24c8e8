using MindPeeker.Runtime.Statistics;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// One grain method's calls in a collection window, summed over silos: each silo adds the difference between its
/// current and previous cumulative <see cref="GrainMethodSnapshot"/>. Not thread-safe (built by one collection).
/// </summary>
internal sealed class MethodWindow(string grainType, string method)
{
    private readonly long[] _histogram = new long[LatencyBuckets.Count];

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    public long Calls { get; private set; }

    public long Exceptions { get; private set; }

    public double TotalSeconds { get; private set; }

    public double CallsPerSecond { get; private set; }

    public long TotalCalls { get; private set; }

    public ReadOnlySpan<long> Histogram => _histogram;

    /// <summary>Adds one silo's calls between <paramref name="previous"/> (null: since start) and <paramref name="current"/>, over <paramref name="windowSeconds"/>.</summary>
    public void Add(GrainMethodSnapshot current, GrainMethodSnapshot? previous, double windowSeconds)
    {
        var calls = Math.Max(0, current.Calls - (previous?.Calls ?? 0));
        Calls += calls;
        Exceptions += Math.Max(0, current.Exceptions - (previous?.Exceptions ?? 0));
        TotalSeconds += Math.Max(0, current.TotalSeconds - (previous?.TotalSeconds ?? 0));
        TotalCalls += current.Calls;
        CallsPerSecond += windowSeconds > 0 ? calls / windowSeconds : 0;
        for (var i = 0; i < current.Buckets.Count; i++)
        {
            _histogram[current.Buckets[i]] += current.Counts[i];
        }

        if (previous is not null)
        {
            for (var i = 0; i < previous.Buckets.Count; i++)
            {
                _histogram[previous.Buckets[i]] -= previous.Counts[i];
            }
        }
    }

    /// <summary>Adds another method's window into <paramref name="histogram"/> (for cluster-wide percentiles).</summary>
    public void AddHistogramTo(long[] histogram)
    {
        for (var i = 0; i < _histogram.Length; i++)
        {
            histogram[i] += Math.Max(0, _histogram[i]);
        }
    }

    public GrainMethodStatistics ToStatistics() => new(
        GrainType,
        Method,
        Calls,
        CallsPerSecond,
        Exceptions,
        Calls > 0 ? (double)Exceptions / Calls : null,
        Calls > 0 ? TotalSeconds * 1000.0 / Calls : null,
        Calls > 0 ? LatencyBuckets.Percentile(_histogram, 0.50) : null,
        Calls > 0 ? LatencyBuckets.Percentile(_histogram, 0.99) : null,
        TotalCalls);
}
