using System.Diagnostics;

namespace MindPeeker.Benchmarks;

/// <summary>
/// Log-linear latency histogram (16 sub-buckets per power of two, about 6 % resolution) over
/// <see cref="Stopwatch"/> ticks. Not thread-safe: one per worker, merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 16;
    private readonly long[] _counts = new long[64 * SubBuckets];

    public long Count { get; private set; }

    public void Record(long ticks)
    {
        _counts[IndexOf(Math.Max(ticks, 1))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency at <paramref name="quantile"/> (0–1), in microseconds.</summary>
    public double QuantileMicroseconds(double quantile)
    {
        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank && _counts[i] > 0)
            {
                return UpperBoundOf(i) * 1_000_000.0 / Stopwatch.Frequency;
            }
        }

        return 0;
    }

    private static int IndexOf(long value)
    {
        var exponent = 63 - (int)long.LeadingZeroCount(value);
        if (exponent < 4)
        {
            return (int)value;
        }

        var sub = (int)((value >> (exponent - 4)) & (SubBuckets - 1));
        return (exponent - 3) * SubBuckets + sub;
    }

    private static long UpperBoundOf(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var exponent = index / SubBuckets + 3;
        var sub = index % SubBuckets;
        return ((long)(SubBuckets + sub + 1) << (exponent - 4)) - 1;
    }
}
