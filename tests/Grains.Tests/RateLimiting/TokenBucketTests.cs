using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.RateLimiting.Controller;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_full_bucket_admits_a_burst_up_to_its_capacity_then_asks_to_retry_when_the_next_token_arrives()
    {
        var bucket = RateLimitBucket.Create(RateLimitRule.TokenBucket(60, TimeSpan.FromMinutes(1)), _time);

        var burst = Enumerable.Range(0, 60).Select(_ => bucket.Acquire()).ToList();
        var rejected = bucket.Acquire();

        burst.Should().OnlyContain(d => d.Admitted && d.Limit == 60);
        burst.Select(d => d.Remaining).Should().Equal(Enumerable.Range(0, 60).Reverse());
        rejected.Admitted.Should().BeFalse();
        rejected.Remaining.Should().Be(0);
        rejected.RetryAfter.Should().Be(TimeSpan.FromSeconds(1), "60 per minute refills one token a second");
        rejected.ResetAt.Should().Be(_time.GetUtcNow().AddMinutes(1), "an empty bucket is full again after one window");
    }

    [Fact]
    public void Tokens_refill_continuously_at_the_limit_per_window()
    {
        var bucket = Drained(RateLimitRule.TokenBucket(60, TimeSpan.FromMinutes(1)));

        _time.Advance(TimeSpan.FromSeconds(10));
        var afterTenSeconds = Enumerable.Range(0, 11).Select(_ => bucket.Acquire()).ToList();
        _time.Advance(TimeSpan.FromMilliseconds(400));
        var early = bucket.Acquire();

        afterTenSeconds.Count(d => d.Admitted).Should().Be(10);
        early.Admitted.Should().BeFalse();
        early.RetryAfter.Should().Be(TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public void A_rate_that_does_not_divide_the_window_refills_exactly_without_drift()
    {
        var bucket = Drained(RateLimitRule.TokenBucket(7, TimeSpan.FromMinutes(1)));
        var oneToken = TimeSpan.FromTicks((TimeSpan.FromMinutes(1).Ticks + 6) / 7);

        var rejected = bucket.Acquire();
        _time.Advance(oneToken - TimeSpan.FromTicks(1));
        var oneTickEarly = bucket.Acquire();
        _time.Advance(TimeSpan.FromTicks(1));
        var onTime = bucket.Acquire();
        _time.Advance(TimeSpan.FromMinutes(10));

        rejected.RetryAfter.Should().Be(oneToken);
        oneTickEarly.Admitted.Should().BeFalse();
        onTime.Admitted.Should().BeTrue();
        bucket.Peek().Remaining.Should().Be(7, "ten minutes refill seventy tokens, but the bucket holds at most seven");
    }

    [Fact]
    public void Idle_time_never_fills_the_bucket_beyond_its_burst_limit()
    {
        var bucket = Drained(RateLimitRule.TokenBucket(10, TimeSpan.FromMinutes(1), burstLimit: 25));

        _time.Advance(TimeSpan.FromDays(30));
        var decisions = Enumerable.Range(0, 26).Select(_ => bucket.Acquire()).ToList();

        decisions.Count(d => d.Admitted).Should().Be(25);
        decisions[0].Limit.Should().Be(10, "the limit is the sustained rate; the burst is how many may come at once");
    }

    [Fact]
    public void Raising_the_limit_keeps_what_was_used_and_admits_the_difference_at_once()
    {
        var bucket = Drained(RateLimitRule.TokenBucket(5, TimeSpan.FromMinutes(1)));

        bucket.Reconfigure(RateLimitRule.TokenBucket(8, TimeSpan.FromMinutes(1)));
        var decisions = Enumerable.Range(0, 4).Select(_ => bucket.Acquire()).ToList();

        decisions.Select(d => d.Admitted).Should().Equal(true, true, true, false);
        decisions[0].Limit.Should().Be(8);
    }

    [Fact]
    public void Lowering_the_limit_below_what_was_used_rejects_until_the_bucket_refills()
    {
        var bucket = RateLimitBucket.Create(RateLimitRule.TokenBucket(10, TimeSpan.FromMinutes(1)), _time);
        for (var i = 0; i < 6; i++)
        {
            bucket.Acquire();
        }

        bucket.Reconfigure(RateLimitRule.TokenBucket(4, TimeSpan.FromMinutes(1)));
        var rejected = bucket.Acquire();

        rejected.Admitted.Should().BeFalse("six were used and the new capacity is four");
        rejected.RetryAfter.Should().Be(TimeSpan.FromSeconds(15), "four per minute refills a token every 15 seconds");
    }

    private RateLimitBucket Drained(RateLimitRule rule)
    {
        var bucket = RateLimitBucket.Create(rule, _time);
        while (bucket.Acquire().Admitted)
        {
        }

        return bucket;
    }
}
