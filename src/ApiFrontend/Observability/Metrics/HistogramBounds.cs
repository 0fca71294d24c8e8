using System.Diagnostics.Metrics;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// Bucket upper bounds of a histogram, fixed when the instrument is first seen: the instrument's advice
/// (<c>InstrumentAdvice.HistogramBucketBoundaries</c>) when it gives one, otherwise latency buckets from 5 ms
/// to 30 s for instruments in seconds, otherwise powers of four from 1 to 1,048,576.
/// </summary>
internal static class HistogramBounds
{
    /// <summary>Seconds: from 5 ms (a cached lookup) to 30 s (an AI provider call), with 2 s (the p95 alert) a bound.</summary>
    public static readonly double[] Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10, 30];

    public static readonly double[] Generic = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576];

    public static double[] For(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => [.. advised],
        Histogram<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => [.. advised.Select(b => (double)b)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => [.. advised.Select(b => (double)b)],
        _ when instrument.Unit == "s" || instrument.Name.EndsWith("_seconds", StringComparison.Ordinal) => Seconds,
        _ => Generic,
    };
}
