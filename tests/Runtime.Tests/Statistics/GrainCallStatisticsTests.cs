using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Statistics;
using MindPeeker.Runtime.Tests.Grains;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Statistics;

/// <summary>The call statistics filter: what an operator reads on the dashboard's grains page comes from these counters.</summary>
public sealed class GrainCallStatisticsTests
{
    [Fact]
    public async Task Calls_exceptions_and_time_are_counted_per_grain_method()
    {
        await using var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<IStatisticsProbeGrain>(1);

        await grain.Work(10);
        await grain.Work(10);
        await grain.Work(200);
        var fail = () => grain.Fail(5);
        await fail.Should().ThrowAsync<InvalidOperationException>();
        await fail.Should().ThrowAsync<InvalidOperationException>();

        var totals = Statistics(silo).GetTotals().Where(t => t.Method.StartsWith("IStatisticsProbeGrain.", StringComparison.Ordinal)).ToList();
        totals.Should().HaveCount(2);
        totals[0].Should().Be(new GrainMethodTotals(grain.GetGrainId().Type, "IStatisticsProbeGrain.Fail", 2, 2, 0.010));
        totals[1].Method.Should().Be("IStatisticsProbeGrain.Work");
        totals[1].Calls.Should().Be(3);
        totals[1].Exceptions.Should().Be(0);
        totals[1].TotalSeconds.Should().BeApproximately(0.220, 1e-9);
    }

    [Fact]
    public async Task The_histogram_gives_p50_and_p99_within_bucket_precision()
    {
        await using var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<IStatisticsProbeGrain>(2);
        for (var i = 0; i < 98; i++)
        {
            await grain.Work(2);
        }

        await grain.Work(300);
        await grain.Work(300);

        var work = Statistics(silo).GetSnapshots().Single(s => s.Method == "IStatisticsProbeGrain.Work");
        var counts = new long[LatencyBuckets.Count];
        for (var i = 0; i < work.Buckets.Count; i++)
        {
            counts[work.Buckets[i]] = work.Counts[i];
        }

        work.Counts.Sum().Should().Be(100);
        LatencyBuckets.Percentile(counts, 0.50).Should().BeApproximately(2.0, 2.0 * 0.032);
        LatencyBuckets.Percentile(counts, 0.98).Should().BeApproximately(2.0, 2.0 * 0.032);
        LatencyBuckets.Percentile(counts, 0.99).Should().BeApproximately(300.0, 300.0 * 0.032);
    }

    [Fact]
    public async Task Two_snapshots_diff_into_the_calls_of_the_interval()
    {
        await using var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<IStatisticsProbeGrain>(3);
        await grain.Work(1);
        var before = Statistics(silo).GetSnapshots().Single(s => s.Method == "IStatisticsProbeGrain.Work");

        await grain.Work(50);
        await grain.Work(50);
        var after = Statistics(silo).GetSnapshots().Single(s => s.Method == "IStatisticsProbeGrain.Work");

        (after.Calls - before.Calls).Should().Be(2);
        (after.TotalSeconds - before.TotalSeconds).Should().BeApproximately(0.100, 1e-9);
        var delta = new long[LatencyBuckets.Count];
        for (var i = 0; i < after.Buckets.Count; i++)
        {
            delta[after.Buckets[i]] += after.Counts[i];
        }

        for (var i = 0; i < before.Buckets.Count; i++)
        {
            delta[before.Buckets[i]] -= before.Counts[i];
        }

        LatencyBuckets.Percentile(delta, 0.50).Should().BeApproximately(50.0, 50.0 * 0.032, "the 1 ms call belongs to the earlier interval");
    }

    [Fact]
    public async Task Switching_the_dashboard_off_leaves_the_call_path_without_the_filter()
    {
        await using var silo = await StartAsync(new Dictionary<string, string?> { ["Dashboard:Enabled"] = "false" });
        var grain = silo.GrainFactory.GetGrain<IStatisticsProbeGrain>(4);

        await grain.Work(10);

        Statistics(silo).GetTotals().Should().BeEmpty();
    }

    private static GrainCallStatistics Statistics(TestSilo silo) => silo.Services.GetRequiredService<GrainCallStatistics>();

    private static Task<TestSilo> StartAsync(IDictionary<string, string?>? configuration = null) =>
        TestSilo.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TestLedger>();
                builder.AddGrains(typeof(GrainCallStatisticsTests).Assembly).AddMemoryGrainStorage();
            },
            new FakeTimeProvider(),
            configuration);
}
