using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Runtime.Hosting;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.RateLimiting;

public sealed class RateLimitBucketGrainTests : IAsyncLifetime
{
    private static readonly RateLimitRule HundredPerMinute = RateLimitRule.TokenBucket(100, TimeSpan.FromMinutes(1));

    private readonly FakeTimeProvider _time = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly).AddMemoryGrainStorage(), _time);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData(RateLimitAlgorithm.TokenBucket)]
    [InlineData(RateLimitAlgorithm.SlidingWindow)]
    [InlineData(RateLimitAlgorithm.FixedWindow)]
    public async Task Sixty_four_concurrent_clients_on_one_key_get_exactly_the_limit_admitted_in_one_window(RateLimitAlgorithm algorithm)
    {
        var rule = new RateLimitRule(algorithm, 1000, TimeSpan.FromMinutes(1), 1000, 6);
        var bucket = Bucket($"default/key:{algorithm}");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var clients = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var admitted = 0;
            for (var i = 0; i < 40; i++)
            {
                admitted += (await bucket.Acquire(rule)).Admitted ? 1 : 0;
            }

            return admitted;
        })).ToList();
        start.SetResult();
        var admittedPerClient = await Task.WhenAll(clients);

        admittedPerClient.Sum().Should().Be(1000, "2,560 requests arrived in one window and the limit is 1,000");
        (await bucket.Reconfigure(rule)).Remaining.Should().Be(0);
    }

    [Fact]
    public async Task Each_key_has_its_own_bucket()
    {
        var rule = RateLimitRule.FixedWindow(2, TimeSpan.FromMinutes(1));
        var alice = Bucket("default/user:alice");
        var bob = Bucket("default/user:bob");

        await alice.Acquire(rule);
        await alice.Acquire(rule);
        var aliceThird = await alice.Acquire(rule);
        var bobFirst = await bob.Acquire(rule);

        aliceThird.Admitted.Should().BeFalse();
        bobFirst.Admitted.Should().BeTrue();
        bobFirst.Remaining.Should().Be(1);
    }

    [Fact]
    public async Task Reconfiguring_at_run_time_keeps_what_was_used()
    {
        var bucket = Bucket("default/key:adjusted");
        for (var i = 0; i < 100; i++)
        {
            await bucket.Acquire(HundredPerMinute);
        }

        var raised = await bucket.Reconfigure(HundredPerMinute with { PermitLimit = 150, BurstLimit = 150 });
        var admittedAfterRaise = 0;
        var raisedRule = HundredPerMinute with { PermitLimit = 150, BurstLimit = 150 };
        while ((await bucket.Acquire(raisedRule)).Admitted)
        {
            admittedAfterRaise++;
        }

        raised.Remaining.Should().Be(50);
        raised.Limit.Should().Be(150);
        admittedAfterRaise.Should().Be(50);
    }

    [Fact]
    public async Task A_changed_rule_on_acquire_takes_effect_on_that_call()
    {
        var bucket = Bucket("default/key:override");
        for (var i = 0; i < 10; i++)
        {
            await bucket.Acquire(HundredPerMinute);
        }

        var tightened = await bucket.Acquire(RateLimitRule.TokenBucket(10, TimeSpan.FromMinutes(1)));

        tightened.Admitted.Should().BeFalse("ten were used and the key's new limit is ten");
        tightened.Limit.Should().Be(10);
        tightened.RetryAfter.Should().Be(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Switching_algorithm_carries_the_used_permits_over()
    {
        var bucket = Bucket("default/ip:192.0.2.1");
        for (var i = 0; i < 8; i++)
        {
            await bucket.Acquire(RateLimitRule.FixedWindow(10, TimeSpan.FromMinutes(1)));
        }

        var sliding = RateLimitRule.SlidingWindow(10, TimeSpan.FromMinutes(1), 6);
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await bucket.Acquire(sliding));
        }

        decisions.Select(d => d.Admitted).Should().Equal(true, true, false);
    }

    [Fact]
    public async Task An_idle_bucket_that_still_owes_requests_outlives_idle_collection()
    {
        var hourly = RateLimitRule.FixedWindow(3, TimeSpan.FromHours(1));
        var bucket = Bucket("auth/ip:198.51.100.9");
        for (var i = 0; i < 3; i++)
        {
            await bucket.Acquire(hourly);
        }

        _time.Advance(TimeSpan.FromMinutes(20));
        var afterIdle = await bucket.Acquire(hourly);

        afterIdle.Admitted.Should().BeFalse("a collected and reactivated bucket would have forgotten the three requests");
        afterIdle.RetryAfter.Should().Be(TimeSpan.FromMinutes(40));
    }

    [Fact]
    public async Task A_bucket_refuses_a_rule_it_cannot_enforce()
    {
        var acquire = async () => await Bucket("default/user:bad").Acquire(RateLimitRule.TokenBucket(0, TimeSpan.FromMinutes(1)));

        await acquire.Should().ThrowAsync<ArgumentException>().WithMessage("*PermitLimit*");
    }

    private IRateLimitBucketGrain Bucket(string key) => _silo.GrainFactory.GetGrain<IRateLimitBucketGrain>(key);
}
