namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// The fixed log-linear buckets of the call latency histograms, in microseconds (HdrHistogram's layout with 16
/// sub-buckets per power of two): values 0–15 µs have a bucket each; above, every power of two is split into 16
/// equal buckets, so a bucket is at most 1/16 (6.25 %) as wide as its lower bound and its midpoint is within
/// ±3.2 % of any value in it. The last bucket also holds everything above about 38 hours. Pure functions; thread-safe.
/// </summary>
public static class LatencyBuckets
{
    private const int SubBucketBits = 4;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxExponent = 37;

    /// <summary>Number of buckets: 16 exact ones plus 16 per power of two from 2^4 to 2^37 µs.</summary>
    public const int Count = SubBuckets + ((MaxExponent - SubBucketBits + 1) * SubBuckets);

    /// <summary>The bucket holding <paramref name="microseconds"/> (negative values count as 0).</summary>
    public static int IndexOf(long microseconds)
    {
        if (microseconds < SubBuckets)
        {
            return microseconds <= 0 ? 0 : (int)microseconds;
        }

        var exponent = System.Numerics.BitOperations.Log2((ulong)microseconds);
        if (exponent > MaxExponent)
        {
            return Count - 1;
        }

        var shift = exponent - SubBucketBits;
        var sub = (int)(microseconds >> shift) - SubBuckets;
        return SubBuckets + ((exponent - SubBucketBits) * SubBuckets) + sub;
    }

    /// <summary>The smallest value (µs) that falls in bucket <paramref name="index"/>.</summary>
    public static long LowerBound(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (index < SubBuckets)
        {
            return index;
        }

        var shift = (index - SubBuckets) / SubBuckets;
        var sub = (index - SubBuckets) % SubBuckets;
        return (long)(SubBuckets + sub) << shift;
    }

    /// <summary>One past the largest value (µs) that falls in bucket <paramref name="index"/>.</summary>
    public static long UpperBound(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index < SubBuckets ? index + 1 : LowerBound(index) + (1L << ((index - SubBuckets) / SubBuckets));
    }

    /// <summary>The value (µs) reported for bucket <paramref name="index"/>: the middle of its range.</summary>
    public static double Midpoint(int index) => (LowerBound(index) + UpperBound(index)) / 2.0;

    /// <summary>
    /// The <paramref name="quantile"/> (0–1, e.g. 0.99) of a histogram given as bucket counts, in milliseconds:
    /// the midpoint of the bucket holding the value of rank ⌈q·n⌉; <c>null</c> when the histogram is empty.
    /// </summary>
    public static double? Percentile(ReadOnlySpan<long> counts, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1.0);
        long total = 0;
        foreach (var count in counts)
        {
            total += Math.Max(0, count);
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            seen += Math.Max(0, counts[index]);
            if (seen >= rank)
            {
                return Midpoint(index) / 1000.0;
            }
        }

        return Midpoint(counts.Length - 1) / 1000.0;
    }
}
