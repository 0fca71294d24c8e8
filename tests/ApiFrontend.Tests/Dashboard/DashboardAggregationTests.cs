using System.Text.Json;
using MindPeeker.ApiFrontend.Dashboard;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>How the front end turns silos' cumulative counters into the rates and top lists an operator reads.</summary>
public sealed class DashboardAggregationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Top_lists_are_descending_with_ties_broken_by_grain_type_then_method()
    {
        var methods = new[]
        {
            Row("b", "IB.Slow", calls: 10, perSecond: 10, exceptions: 0, p99: 900),
            Row("a", "IA.Zed", calls: 50, perSecond: 50, exceptions: 5, p99: 10),
            Row("a", "IA.Alpha", calls: 50, perSecond: 50, exceptions: 5, p99: 10),
            Row("c", "IC.Idle", calls: 0, perSecond: 0, exceptions: 0, p99: null),
            Row("b", "IB.Errors", calls: 20, perSecond: 20, exceptions: 20, p99: 30),
        };

        var top = TopMethodRanking.Rank(methods);

        Names(top.ByCalls).Should().Equal("a/IA.Alpha", "a/IA.Zed", "b/IB.Errors", "b/IB.Slow");
        Names(top.ByErrors).Should().Equal("b/IB.Errors", "a/IA.Alpha", "a/IA.Zed");
        Names(top.ByLatency).Should().Equal("b/IB.Slow", "b/IB.Errors", "a/IA.Alpha", "a/IA.Zed");
    }

    [Fact]
    public void Top_lists_hold_at_most_ten_methods()
    {
        var methods = Enumerable.Range(0, 25).Select(i => Row("g", $"IG.M{i:00}", calls: i + 1, perSecond: i + 1, exceptions: 1, p99: i)).ToList();

        var top = TopMethodRanking.Rank(methods);

        top.ByCalls.Should().HaveCount(10);
        top.ByCalls[0].Method.Should().Be("IG.M24");
        top.ByLatency[0].Method.Should().Be("IG.M24");
    }

    [Fact]
    public void Rates_are_differences_over_each_silos_window_and_a_restarted_silo_counts_from_its_start()
    {
        var previous = Report(Guid.NewGuid(), Start.AddSeconds(10), cpuSeconds: 4.0, calls: 100, exceptions: 1, totalSeconds: 1.0, bucketMicros: 1000);
        var current = previous with
        {
            SampledAt = Start.AddSeconds(12),
            Process = previous.Process with { CpuSeconds = 5.0 },
            Methods = [Method(calls: 300, exceptions: 11, totalSeconds: 3.0, (1000, 100), (50_000, 200))],
        };
        var restarted = Report(Guid.NewGuid(), Start.AddSeconds(12), cpuSeconds: 1.0, calls: 40, exceptions: 0, totalSeconds: 0.4, bucketMicros: 1000) with { StartedAt = Start.AddSeconds(8) };

        var (overview, grains) = DashboardAggregation.Aggregate(
            [
                new SiloSample(Answer("silo-1"), current, previous),
                new SiloSample(Answer("silo-2"), restarted, null),
                new SiloSample(new SiloControlAnswer("silo-3", "silo-3", false, null, "did not answer"), null, null),
            ],
            Start.AddSeconds(12));

        var first = overview.Silos[0];
        first.RequestsPerSecond.Should().BeApproximately(100, 1e-9, "200 calls in 2 s");
        first.CpuPercent.Should().BeApproximately(1.0 / 2 / 4 * 100, 1e-9, "1 CPU second in 2 s on 4 cores");
        overview.Silos[1].RequestsPerSecond.Should().BeApproximately(10, 1e-9, "40 calls in the 4 s since the silo started");
        overview.Silos[2].Should().Match<SiloOverview>(s => s.Status == "Unreachable" && !s.Answered && s.CpuPercent == null);
        overview.RequestsPerSecond.Should().BeApproximately(110, 1e-9);
        overview.ErrorRate.Should().BeApproximately(10.0 / 240, 1e-9);
        overview.AvgLatencyMs.Should().BeApproximately((2.0 + 0.4) * 1000 / 240, 1e-9);
        overview.P99LatencyMs.Should().BeApproximately(50.0, 50.0 * 0.032, "200 of the 240 calls in the window took 50 ms");
        var method = grains.Methods.Single();
        method.Calls.Should().Be(240);
        method.TotalCalls.Should().Be(340);
        method.P50Ms.Should().BeApproximately(50.0, 50.0 * 0.032);
        grains.Activations.Single().Should().Match<GrainTypeActivations>(a => a.Total == 6 && a.BySilo["silo-1"] == 3 && a.BySilo["silo-2"] == 3);
    }

    private static IEnumerable<string> Names(IEnumerable<GrainMethodStatistics> rows) => rows.Select(r => r.GrainType + "/" + r.Method);

    private static GrainMethodStatistics Row(string grainType, string method, long calls, double perSecond, long exceptions, double? p99) =>
        new(grainType, method, calls, perSecond, exceptions, calls > 0 ? (double)exceptions / calls : null, 1, 1, p99, calls);

    private static SiloControlAnswer Answer(string silo) => new(silo, silo, true, JsonSerializer.SerializeToElement(0), null);

    private static SiloDashboardReport Report(Guid instance, DateTimeOffset sampledAt, double cpuSeconds, long calls, long exceptions, double totalSeconds, long bucketMicros) =>
        new(instance, "silo", ["cpu"], "Active", Start, sampledAt, new ProcessResourceSample(cpuSeconds, 1000, 500, 4),
            new Dictionary<string, int> { ["session"] = 3 }, 0, 0, [Method(calls, exceptions, totalSeconds, (bucketMicros, calls))]);

    private static GrainMethodSnapshot Method(long calls, long exceptions, double totalSeconds, params (long Micros, long Count)[] buckets) =>
        new("session", "ISessionGrain.Get", calls, exceptions, totalSeconds,
            [.. buckets.Select(b => LatencyBuckets.IndexOf(b.Micros))], [.. buckets.Select(b => b.Count)]);
}
