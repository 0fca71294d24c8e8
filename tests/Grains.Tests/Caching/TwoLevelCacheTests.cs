namespace MindPeeker.Grains.Tests.Caching;

/// <summary>The two-level cache over a real Redis: up, unreachable, and going down and coming back mid-run.</summary>
public sealed class TwoLevelCacheTests
{
    [Fact]
    public async Task A_second_cache_instance_is_served_from_redis_without_computing()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var first = CacheHarness.Create(TestRedis.Address, prefix);
        await using var second = CacheHarness.Create(TestRedis.Address, prefix);
        await first.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await second.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        (await first.GetAsync("bridge")).Should().Be("computed:bridge");
        (await second.GetAsync("bridge", answer: "recomputed")).Should().Be("computed:bridge");

        first.Computed.Should().Be(1);
        second.Computed.Should().Be(0);
        second.Metrics.HitRatio.Should().Be(1.0);
        second.ObservedHitRatio().Should().Be(1.0);
        first.ObservedHitRatio().Should().Be(0.0);
    }

    [Fact]
    public async Task An_entry_evicted_from_memory_is_served_from_redis()
    {
        await using var cache = CacheHarness.Create(TestRedis.Address, memoryEntries: 1);
        await cache.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        await cache.GetAsync("x");
        await cache.GetAsync("y");
        (await cache.GetAsync("x", answer: "recomputed")).Should().Be("computed:x");

        cache.Computed.Should().Be(2);
        cache.Metrics.Hits.Should().Be(1);
        cache.ObservedHitRatio().Should().BeApproximately(1.0 / 3, 1e-9);
    }

    [Fact]
    public async Task With_redis_unreachable_every_request_succeeds_from_memory_or_computed_and_the_outage_is_logged_once()
    {
        await using var closed = await PrivateRedisServer.StartAsync();
        await closed.StopAsync();
        await using var cache = CacheHarness.Create(closed.Address);

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                (await cache.GetAsync($"cue-{i}")).Should().Be($"computed:cue-{i}");
            }
        }

        cache.Computed.Should().Be(5);
        cache.Metrics.HitRatio.Should().Be(0.5);
        cache.ObservedHitRatio().Should().Be(0.5);
        cache.Logs.Entries.Count(e => e.EventId == 6230).Should().Be(1);
    }

    [Fact]
    public async Task Redis_going_down_mid_run_is_survived_and_the_cache_reconnects_when_it_is_back()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        var prefix = CacheHarness.NewPrefix();
        await using var cache = CacheHarness.Create(server.Address, prefix);
        await cache.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await cache.GetAsync("before");
        var outage = cache.Logs.Next(6230);

        await server.StopAsync();
        await outage;
        (await cache.GetAsync("before", answer: "recomputed")).Should().Be("computed:before", "memory still has it");
        (await cache.GetAsync("during")).Should().Be("computed:during");
        (await cache.GetAsync("during")).Should().Be("computed:during");
        cache.Computed.Should().Be(2);

        var restored = cache.Logs.Next(6231);
        await server.StartAgainAsync();
        await cache.Redis.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await cache.GetAsync("after");
        await restored;

        await using var other = CacheHarness.Create(server.Address, prefix);
        await other.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        (await other.GetAsync("after", answer: "recomputed")).Should().Be("computed:after", "the write after the reconnect reached Redis: " + string.Join(" | ", cache.Logs.Entries.Select(e => e.EventId + " " + e.Message)));
        other.Computed.Should().Be(0);
        cache.Logs.Entries.Count(e => e.EventId == 6230).Should().Be(1, "an outage is logged once, not per request: " + string.Join(" | ", cache.Logs.Entries.Select(e => e.EventId + " " + e.Message)));
    }
}
