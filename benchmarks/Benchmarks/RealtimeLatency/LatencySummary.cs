namespace MindPeeker.Benchmarks.RealtimeLatency;

/// <summary>Exact percentiles (nearest rank) of one phase's latencies, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, int Gaps)
{
    public static LatencySummary From(long[] microseconds, int gaps)
    {
        Array.Sort(microseconds);
        return new LatencySummary(
            microseconds.Length, At(microseconds, 0.50), At(microseconds, 0.95), At(microseconds, 0.99), microseconds[^1] / 1000.0, gaps);
    }

    private static double At(long[] sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)] / 1000.0;
}
