using System.Diagnostics;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>HTTP load for one endpoint: closed loop to find the maximum, paced open loop to read latency at a given rate.</summary>
internal static class HttpLoad
{
    /// <summary><paramref name="concurrency"/> callers, each sending as soon as its last request answered.</summary>
    public static async Task<LoadResult> ClosedLoopAsync(int concurrency, TimeSpan duration, Func<Task> send) =>
        await ClosedLoopLoad.RunAsync(concurrency, duration, async (_, _) => await send());

    /// <summary>
    /// Requests started at a fixed rate whatever the answers (open loop), so queueing shows up as latency;
    /// latency counts from each request's scheduled start.
    /// </summary>
    public static async Task<LoadResult> PacedAsync(double ratePerSecond, TimeSpan duration, Func<Task> send)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var histogram = new LatencyHistogram();
        var gate = new Lock();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = Stopwatch.Frequency * i / ratePerSecond;
            var wait = TimeSpan.FromSeconds((due - (Stopwatch.GetTimestamp() - started)) / Stopwatch.Frequency);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var scheduled = started + (long)due;
            inFlight.Add(SendAndRecordAsync(send, scheduled, histogram, gate));
        }

        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadResult(total, elapsed, histogram, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static async Task SendAndRecordAsync(Func<Task> send, long scheduled, LatencyHistogram histogram, Lock gate)
    {
        await send();
        var latency = Stopwatch.GetTimestamp() - scheduled;
        lock (gate)
        {
            histogram.Record(latency);
        }
    }
}
