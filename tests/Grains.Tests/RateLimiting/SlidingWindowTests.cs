using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.RateLimiting.Controller;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.RateLimiting;

public sealed class SlidingWindowTests
{
    private static readonly RateLimitRule TenPerMinute = RateLimitRule.SlidingWindow(10, TimeSpan.FromMinutes(1), segmentsPerWindow: 6);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Requests_count_until_one_window_after_their_segment_began()
    {
        var bucket = RateLimitBucket.Create(TenPerMinute, _time);
        Take(bucket, 4);
        _time.Advance(TimeSpan.FromSeconds(25));
        Take(bucket, 6);

        var rejected = bucket.Acquire();
        _time.Advance(TimeSpan.FromSeconds(35) - TimeSpan.FromTicks(1));
        var stillRejected = bucket.Acquire();
        _time.Advance(TimeSpan.FromTicks(1));
        var afterFirstSegmentExpired = Enumerable.Range(0, 5).Select(_ => bucket.Acquire()).ToList();

        rejected.Admitted.Should().BeFalse();
        rejected.RetryAfter.Should().Be(TimeSpan.FromSeconds(35), "the four requests of the segment starting at 0 s stop counting at 60 s");
        stillRejected.Admitted.Should().BeFalse();
        afterFirstSegmentExpired.Select(d => d.Admitted).Should().Equal(true, true, true, true, false);
        afterFirstSegmentExpired[^1].RetryAfter.Should().Be(TimeSpan.FromSeconds(20), "the six of the segment 20–30 s stop counting at 80 s");
    }

    [Fact]
    public void The_window_slides_instead_of_resetting_at_a_boundary()
    {
        var bucket = RateLimitBucket.Create(TenPerMinute, _time);
        _time.Advance(TimeSpan.FromSeconds(55));
        Take(bucket, 10);

        _time.Advance(TimeSpan.FromSeconds(10));
        var justAfterAFixedWindowWouldHaveReset = bucket.Acquire();

        justAfterAFixedWindowWouldHaveReset.Admitted.Should().BeFalse("a fixed window would admit 10 more at the minute boundary");
        justAfterAFixedWindowWouldHaveReset.RetryAfter.Should().Be(TimeSpan.FromSeconds(45), "requests made at 55 s count in the segment 50–60 s, which stops counting at 110 s");
    }

    [Fact]
    public void Remaining_and_reset_follow_the_newest_counted_segment()
    {
        var bucket = RateLimitBucket.Create(TenPerMinute, _time);
        var start = _time.GetUtcNow();
        Take(bucket, 3);
        _time.Advance(TimeSpan.FromSeconds(42));
        var decision = bucket.Acquire();

        decision.Admitted.Should().BeTrue();
        decision.Remaining.Should().Be(6);
        decision.ResetAt.Should().Be(start.AddSeconds(100), "the newest request sits in the segment 40–50 s, which stops counting at 100 s");
    }

    [Fact]
    public void An_idle_window_forgets_everything()
    {
        var bucket = RateLimitBucket.Create(TenPerMinute, _time);
        Take(bucket, 10);

        _time.Advance(TimeSpan.FromHours(3));
        var decision = bucket.Peek();

        decision.Remaining.Should().Be(10);
        decision.ResetAt.Should().Be(_time.GetUtcNow(), "nothing is counted, so the quota is already full");
    }

    [Fact]
    public void A_new_limit_applies_to_the_requests_already_in_the_window()
    {
        var bucket = RateLimitBucket.Create(TenPerMinute, _time);
        Take(bucket, 7);

        bucket.Reconfigure(TenPerMinute with { PermitLimit = 5 });
        var lowered = bucket.Acquire();
        bucket.Reconfigure(TenPerMinute with { PermitLimit = 9 });
        var raised = Enumerable.Range(0, 3).Select(_ => bucket.Acquire()).ToList();

        lowered.Admitted.Should().BeFalse();
        raised.Select(d => d.Admitted).Should().Equal(true, true, false);
    }

    private static void Take(RateLimitBucket bucket, int count)
    {
        for (var i = 0; i < count; i++)
        {
            bucket.Acquire().Admitted.Should().BeTrue($"request {i + 1} of {count} is within the limit");
        }
    }
}
