using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.Dashboard;
using MindPeeker.Grains.Dashboard.RateLimits;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Dashboard;

/// <summary>The silo's hottest-bucket tracking on a fake clock: bounded memory, heavy hitters kept, intervals roll over.</summary>
public sealed class RateLimitTrafficTests
{
    private static readonly RateLimitRule Rule = RateLimitRule.TokenBucket(100, TimeSpan.FromMinutes(1));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_heavy_bucket_among_thousands_of_one_off_keys_is_the_hottest_and_tracking_stays_bounded()
    {
        var traffic = Traffic(trackedBuckets: 16);
        for (var i = 0; i < 5_000; i++)
        {
            traffic.Record($"default/ip:10.0.{i / 256}.{i % 256}", Rule, Decision(admitted: true));
            if (i % 10 == 0)
            {
                traffic.Record("default/key:heavy", Rule, Decision(admitted: i % 20 == 0, remaining: 0));
            }
        }

        var snapshot = traffic.Snapshot(top: 100);

        snapshot.Buckets.Count.Should().BeLessThanOrEqualTo(16, "memory is bounded by the tracked capacity whatever the number of keys");
        var hottest = snapshot.Buckets[0];
        hottest.Key.Should().Be("default/key:heavy");
        hottest.Policy.Should().Be("default");
        hottest.PrincipalKind.Should().Be("key");
        hottest.PrincipalId.Should().Be("heavy");
        hottest.Requests.Should().BeGreaterThanOrEqualTo(500, "a bucket above total / capacity is always tracked; counts may only overestimate");
        hottest.Rejections.Should().BeGreaterThan(0);
        snapshot.Requests.Should().Be(5_500);
        snapshot.Rejections.Should().Be(250);
    }

    [Fact]
    public void A_full_sketch_evicts_only_least_counted_buckets_and_newcomers_inherit_their_count()
    {
        var traffic = Traffic(trackedBuckets: 8);
        for (var bucket = 0; bucket < 8; bucket++)
        {
            for (var i = 0; i <= bucket; i++)
            {
                traffic.Record($"default/user:k{bucket}", Rule, Decision(admitted: true));
            }
        }

        for (var churn = 0; churn < 5; churn++)
        {
            traffic.Record($"default/user:n{churn}", Rule, Decision(admitted: true));
        }

        traffic.Record("default/user:k0", Rule, Decision(admitted: false));
        var buckets = traffic.Snapshot(top: 100).Buckets;

        buckets.Should().HaveCount(8);
        buckets.Take(3).Select(b => (b.PrincipalId, b.Requests, b.Overcount)).Should().Equal(("k7", 8L, 0L), ("k6", 7L, 0L), ("k5", 6L, 0L));
        var returned = buckets.Single(b => b.PrincipalId == "k0");
        returned.Overcount.Should().BeGreaterThan(0, "k0 was evicted and came back, inheriting a least count");
        returned.Requests.Should().Be(returned.Overcount + 1);
        returned.Rejections.Should().Be(1);
    }

    [Fact]
    public void Buckets_are_counted_over_the_previous_and_current_interval_and_then_forgotten()
    {
        var traffic = Traffic(trackedBuckets: 16);
        traffic.Record("default/user:a", Rule, Decision(admitted: true));

        _time.Advance(TimeSpan.FromMinutes(1));
        traffic.Record("default/user:b", Rule, Decision(admitted: true));
        traffic.Snapshot(10).Buckets.Select(b => b.PrincipalId).Should().BeEquivalentTo(["a", "b"]);

        _time.Advance(TimeSpan.FromMinutes(1));
        traffic.Snapshot(10).Buckets.Select(b => b.PrincipalId).Should().BeEquivalentTo(["b"], "an interval two intervals old is dropped");

        _time.Advance(TimeSpan.FromMinutes(5));
        traffic.Snapshot(10).Buckets.Should().BeEmpty();
    }

    [Fact]
    public void Recent_rates_count_the_last_ten_complete_seconds()
    {
        var traffic = Traffic(trackedBuckets: 16);
        for (var i = 0; i < 30; i++)
        {
            traffic.Record("auth/ip:203.0.113.7", Rule, Decision(admitted: i < 10));
        }

        traffic.Snapshot(1).RecentRejections.Should().Be(0, "the current second is not complete yet");
        _time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = traffic.Snapshot(1);
        snapshot.RecentSeconds.Should().Be(10);
        snapshot.RecentRequests.Should().Be(30);
        snapshot.RecentRejections.Should().Be(20);

        _time.Advance(TimeSpan.FromSeconds(11));
        traffic.Snapshot(1).RecentRequests.Should().Be(0);
    }

    [Fact]
    public void An_ip_bucket_keeps_its_whole_ipv6_address()
    {
        var traffic = Traffic(trackedBuckets: 8);
        traffic.Record("default/ip:2001:db8::7", Rule, Decision(admitted: false));

        var bucket = traffic.Snapshot(1).Buckets.Single();

        bucket.PrincipalKind.Should().Be("ip");
        bucket.PrincipalId.Should().Be("2001:db8::7");
        bucket.Limit.Should().Be(100);
        bucket.WindowSeconds.Should().Be(60);
        bucket.Algorithm.Should().Be("TokenBucket");
    }

    private RateLimitTraffic Traffic(int trackedBuckets) =>
        new(_time, Options.Create(new DashboardDataOptions { TrackedRateLimitBuckets = trackedBuckets }));

    private RateLimitDecision Decision(bool admitted, int remaining = 50) =>
        new(admitted, 100, admitted ? remaining : 0, _time.GetUtcNow() + TimeSpan.FromMinutes(1), admitted ? TimeSpan.Zero : TimeSpan.FromSeconds(1));
}
