namespace MindPeeker.Benchmarks;

/// <summary>What one measured phase achieved.</summary>
internal sealed record LoadResult(long Calls, TimeSpan Elapsed, LatencyHistogram Latency, long AllocatedBytes)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double AllocatedBytesPerCall => Calls == 0 ? 0 : (double)AllocatedBytes / Calls;
}
