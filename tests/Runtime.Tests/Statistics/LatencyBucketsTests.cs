using MindPeeker.Runtime.Statistics;

namespace MindPeeker.Runtime.Tests.Statistics;

/// <summary>The latency buckets behind the dashboard's p50/p99: every value lands in a bucket no wider than 1/16 of it.</summary>
public sealed class LatencyBucketsTests
{
    [Fact]
    public void Every_value_falls_in_a_bucket_that_contains_it_and_is_at_most_a_sixteenth_wide()
    {
        var values = Enumerable.Range(0, 70_000).Select(v => (long)v)
            .Concat(Enumerable.Range(17, 45).Select(shift => (1L << shift) + 12345))
            .Concat(Enumerable.Range(5, 33).Select(shift => (1L << shift) - 1));
        foreach (var value in values)
        {
            var index = LatencyBuckets.IndexOf(value);
            LatencyBuckets.LowerBound(index).Should().BeLessThanOrEqualTo(value);
            if (index < LatencyBuckets.Count - 1)
            {
                LatencyBuckets.UpperBound(index).Should().BeGreaterThan(value);
                (LatencyBuckets.UpperBound(index) - LatencyBuckets.LowerBound(index)).Should().BeLessThanOrEqualTo(Math.Max(1, LatencyBuckets.LowerBound(index) / 16));
            }
        }
    }

    [Fact]
    public void Buckets_are_contiguous_and_ascending()
    {
        for (var index = 1; index < LatencyBuckets.Count; index++)
        {
            LatencyBuckets.LowerBound(index).Should().Be(LatencyBuckets.UpperBound(index - 1));
        }
    }

    [Fact]
    public void Percentiles_of_a_uniform_distribution_are_within_bucket_precision()
    {
        var counts = new long[LatencyBuckets.Count];
        for (long microseconds = 1; microseconds <= 100_000; microseconds++)
        {
            counts[LatencyBuckets.IndexOf(microseconds)]++;
        }

        LatencyBuckets.Percentile(counts, 0.50).Should().BeApproximately(50.0, 50.0 * 0.032);
        LatencyBuckets.Percentile(counts, 0.99).Should().BeApproximately(99.0, 99.0 * 0.032);
        LatencyBuckets.Percentile(counts, 1.0).Should().BeApproximately(100.0, 100.0 * 0.032);
    }

    [Fact]
    public void An_empty_histogram_has_no_percentile()
    {
        LatencyBuckets.Percentile(new long[LatencyBuckets.Count], 0.99).Should().BeNull();
    }
}
