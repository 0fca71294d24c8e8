using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Dashboard;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.Benchmarks.DashboardOverhead;

/// <summary>
/// The pipeline's parts measured one by one, for a figure that the machine's noise cannot swamp: the CPU the
/// statistics filter spends per grain call (its lookup, two timestamps and the interlocked updates, in a tight
/// loop), and the CPU of one collection plus its push to the admins (on the real host, with its real silo).
/// </summary>
internal static class PipelineCost
{
    private interface IProbe;

    /// <summary>CPU nanoseconds the filter's bookkeeping costs per call, single-threaded.</summary>
    public static double FilterNanosecondsPerCall()
    {
        const int calls = 5_000_000;
        var statistics = new GrainCallStatistics(TimeProvider.System);
        var grain = new object();
        var grainId = GrainId.Create("bench", "1");
        var method = new GrainMethod(typeof(IProbe), "Call", 0, GrainMethodOptions.None);
        var frequency = TimeProvider.System.TimestampFrequency;
        for (var i = 0; i < 100_000; i++)
        {
            Record(statistics, grain, grainId, method, frequency);
        }

        var before = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            Record(statistics, grain, grainId, method, frequency);
        }

        var cpu = (Environment.CpuUsage.TotalTime - before).TotalSeconds;
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return Math.Min(cpu, wall) * 1e9 / calls;
    }

    /// <summary>CPU milliseconds of one collection (ask the silo, diff, aggregate, history) plus serializing and sending it to the admins.</summary>
    public static async Task<double> CollectionMillisecondsAsync(IServiceProvider services, int collections)
    {
        var collector = services.GetRequiredService<DashboardCollector>();
        var hub = services.GetRequiredService<IHubContext<AdminHub>>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await collector.CollectAsync(CancellationToken.None);
        var before = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < collections; i++)
        {
            var snapshot = await collector.CollectAsync(CancellationToken.None);
            await hub.Clients.Group(AdminHub.Group).SendAsync(DashboardPushService.SnapshotMessage, JsonSerializer.SerializeToElement(snapshot, json));
        }

        return (Environment.CpuUsage.TotalTime - before).TotalMilliseconds / collections;
    }

    /// <summary>Grain calls the silo has counted so far (all methods).</summary>
    public static long CallsSoFar(IServiceProvider services) => services.GetRequiredService<GrainCallStatistics>().GetTotals().Sum(t => t.Calls);

    private static void Record(GrainCallStatistics statistics, object grain, GrainId grainId, GrainMethod method, long frequency)
    {
        var counters = statistics.CountersFor(grain, grainId, method);
        var started = TimeProvider.System.GetTimestamp();
        counters.Record(TimeProvider.System.GetTimestamp() - started, frequency, failed: false);
    }
}
