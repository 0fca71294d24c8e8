using System.Diagnostics;

namespace MindPeeker.Benchmarks;

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers, each issuing its next call as soon as the last
/// one answered, for a fixed time. Latency is measured per call; allocation over the whole phase.
/// </summary>
internal static class ClosedLoopLoad
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> call)
    {
        using var stop = new CancellationTokenSource();
        var histograms = new LatencyHistogram[concurrency];
        var counts = new long[concurrency];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var callers = new Task[concurrency];
        for (var caller = 0; caller < concurrency; caller++)
        {
            histograms[caller] = new LatencyHistogram();
            callers[caller] = CallerAsync(caller, histograms[caller], counts, call, stop.Token);
        }

        stop.CancelAfter(duration);
        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var merged = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            merged.Add(histogram);
        }

        return new LoadResult(counts.Sum(), elapsed, merged, allocated);
    }

    private static async Task CallerAsync(int caller, LatencyHistogram histogram, long[] counts, Func<int, long, ValueTask> call, CancellationToken stop)
    {
        await Task.Yield();
        long sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            await call(caller, sequence++);
            histogram.Record(Stopwatch.GetTimestamp() - start);
        }

        counts[caller] = sequence;
    }
}
