using System.Globalization;

namespace MindPeeker.Benchmarks;

/// <summary>
/// What one step adds to a call: the same closed-loop load measured <see cref="Without"/> and <see cref="With"/> it, one
/// after the other in the same run; <see cref="P50"/> and <see cref="P99"/> are the differences of those quantiles in µs.
/// </summary>
internal sealed record AddedLatency(LoadResult Without, LoadResult With)
{
    public double P50 => With.Latency.QuantileMicroseconds(0.5) - Without.Latency.QuantileMicroseconds(0.5);

    public double P99 => With.Latency.QuantileMicroseconds(0.99) - Without.Latency.QuantileMicroseconds(0.99);

    /// <summary>Measures <paramref name="without"/>, then <paramref name="with"/>, each with <paramref name="callers"/> callers for <paramref name="duration"/>, printing both and the difference.</summary>
    public static async Task<AddedLatency> MeasureAsync(
        string name, string step, int callers, Func<int, long, ValueTask> without, Func<int, long, ValueTask> with, TimeSpan duration)
    {
        var added = new AddedLatency(
            await MeasureOneAsync($"{name}, without {step}", callers, without, duration),
            await MeasureOneAsync($"{name}, with {step}", callers, with, duration));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: added p50 {added.P50:0.00} us, p99 {added.P99:0.00} us"));
        return added;
    }

    /// <summary>One closed-loop phase after a full collection, printed as calls/s, p50, p99 and bytes allocated per call.</summary>
    public static async Task<LoadResult> MeasureOneAsync(string name, int callers, Func<int, long, ValueTask> call, TimeSpan duration)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var result = await ClosedLoopLoad.RunAsync(callers, duration, call);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-52} {result.CallsPerSecond,12:N0} calls/s  p50 {result.Latency.QuantileMicroseconds(0.5),8:0.00} us  p99 {result.Latency.QuantileMicroseconds(0.99),8:0.00} us  {result.AllocatedBytesPerCall,6:0} B/call"));
        return result;
    }
}
