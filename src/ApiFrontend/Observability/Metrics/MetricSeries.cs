namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// One label combination of a metric family: its labels (sorted by name) and its aggregate. Counters and
/// gauges keep <see cref="Value"/>; histograms keep per-bucket counts (not cumulative), the sum and the count.
/// Guarded by the owning <see cref="MetricFamily"/>'s lock.
/// </summary>
internal sealed class MetricSeries(KeyValuePair<string, string>[] labels, KeyValuePair<string, object?>[] tags, int bucketCount)
{
    /// <summary>Prometheus label names and values, sorted by name.</summary>
    public KeyValuePair<string, string>[] Labels { get; } = labels;

    /// <summary>The measurement's tags as recorded (same order as <see cref="Labels"/>), compared to find the series again.</summary>
    public KeyValuePair<string, object?>[] Tags { get; } = tags;

    public double Value { get; set; }

    /// <summary>Counts per bucket, the last one for observations above every bound (+Inf); empty unless a histogram.</summary>
    public long[] BucketCounts { get; } = bucketCount == 0 ? [] : new long[bucketCount + 1];

    public long Count { get; set; }

    /// <summary>Set by an observation in the current scrape; observable series not seen again are dropped.</summary>
    public bool Observed { get; set; }

    /// <summary>Next series with the same label hash.</summary>
    public MetricSeries? Next { get; set; }
}
