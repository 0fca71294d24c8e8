using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.RateLimiting.Controller;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.RateLimiting;

public sealed class RateLimitRuleTests
{
    public static TheoryData<RateLimitRule, string> InvalidRules => new()
    {
        { RateLimitRule.TokenBucket(0, TimeSpan.FromMinutes(1)), "PermitLimit" },
        { RateLimitRule.TokenBucket(10, TimeSpan.FromMinutes(1), burstLimit: 0), "BurstLimit" },
        { RateLimitRule.FixedWindow(10, TimeSpan.FromMilliseconds(10)), "Window" },
        { RateLimitRule.FixedWindow(10, TimeSpan.FromDays(2)), "Window" },
        { RateLimitRule.SlidingWindow(10, TimeSpan.FromMinutes(1), 0), "SegmentsPerWindow" },
        { RateLimitRule.SlidingWindow(10, TimeSpan.FromTicks(10_000_001), 3), "equal segments" },
        { new RateLimitRule((RateLimitAlgorithm)7, 10, TimeSpan.FromMinutes(1), 10, 1), "algorithm" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void A_rule_that_cannot_be_enforced_is_refused_with_a_reason(RateLimitRule rule, string reason)
    {
        var create = () => RateLimitBucket.Create(rule, new FakeTimeProvider());

        rule.Problem().Should().Contain(reason);
        create.Should().Throw<ArgumentException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void The_factories_make_enforceable_rules_with_the_burst_defaulting_to_the_limit()
    {
        var rule = RateLimitRule.TokenBucket(100, TimeSpan.FromMinutes(1));

        rule.Problem().Should().BeNull();
        rule.BurstLimit.Should().Be(100);
        RateLimitRule.SlidingWindow(100, TimeSpan.FromMinutes(1), 6).Problem().Should().BeNull();
    }
}
