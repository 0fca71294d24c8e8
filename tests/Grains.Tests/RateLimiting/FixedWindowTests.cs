using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.RateLimiting.Controller;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.RateLimiting;

public sealed class FixedWindowTests
{
    private static readonly RateLimitRule FivePerMinute = RateLimitRule.FixedWindow(5, TimeSpan.FromMinutes(1));

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_limit_holds_until_the_window_ends_and_retry_after_points_at_its_end()
    {
        var bucket = RateLimitBucket.Create(FivePerMinute, _time);
        var start = _time.GetUtcNow();
        var admitted = Enumerable.Range(0, 5).Select(_ => bucket.Acquire()).ToList();
        _time.Advance(TimeSpan.FromSeconds(20));

        var rejected = bucket.Acquire();

        admitted.Select(d => d.Remaining).Should().Equal(4, 3, 2, 1, 0);
        admitted.Should().OnlyContain(d => d.ResetAt == start.AddMinutes(1));
        rejected.Admitted.Should().BeFalse();
        rejected.RetryAfter.Should().Be(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void The_window_rolls_over_to_a_full_quota()
    {
        var bucket = RateLimitBucket.Create(FivePerMinute, _time);
        for (var i = 0; i < 5; i++)
        {
            bucket.Acquire();
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var next = Enumerable.Range(0, 6).Select(_ => bucket.Acquire()).ToList();

        next.Count(d => d.Admitted).Should().Be(5);
    }

    [Fact]
    public void A_window_begins_with_the_first_request_after_the_previous_one_ended()
    {
        var bucket = RateLimitBucket.Create(FivePerMinute, _time);
        bucket.Acquire();
        _time.Advance(TimeSpan.FromSeconds(90));

        var first = bucket.Acquire();

        first.Remaining.Should().Be(4);
        first.ResetAt.Should().Be(_time.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public void A_longer_window_keeps_its_start_and_its_count()
    {
        var bucket = RateLimitBucket.Create(FivePerMinute, _time);
        var start = _time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            bucket.Acquire();
        }

        bucket.Reconfigure(FivePerMinute with { Window = TimeSpan.FromMinutes(2) });
        _time.Advance(TimeSpan.FromSeconds(90));
        var rejected = bucket.Acquire();

        rejected.Admitted.Should().BeFalse();
        rejected.ResetAt.Should().Be(start.AddMinutes(2));
    }
}
