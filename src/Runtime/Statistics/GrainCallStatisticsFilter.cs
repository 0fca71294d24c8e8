using MindPeeker.Runtime.Filters;

namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// The incoming call filter feeding <see cref="GrainCallStatistics"/>: it times every call around the rest of the
/// filter chain and the grain method, and counts a call as an exception when it throws or is cancelled. For a call
/// that completes synchronously it allocates nothing of its own.
/// </summary>
internal sealed class GrainCallStatisticsFilter(GrainCallStatistics statistics, TimeProvider time) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var counters = statistics.CountersFor(context.Grain, context.TargetId, context.InterfaceMethod);
        var started = time.GetTimestamp();
        Task call;
        try
        {
            call = context.Invoke();
        }
        catch (Exception)
        {
            counters.Record(time.GetTimestamp() - started, time.TimestampFrequency, failed: true);
            throw;
        }

        if (call.IsCompleted)
        {
            counters.Record(time.GetTimestamp() - started, time.TimestampFrequency, failed: !call.IsCompletedSuccessfully);
            return call;
        }

        return AwaitAsync(call, counters, started);
    }

    private async Task AwaitAsync(Task call, MethodCallCounters counters, long started)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception)
        {
            counters.Record(time.GetTimestamp() - started, time.TimestampFrequency, failed: true);
            throw;
        }

        counters.Record(time.GetTimestamp() - started, time.TimestampFrequency, failed: false);
    }
}
