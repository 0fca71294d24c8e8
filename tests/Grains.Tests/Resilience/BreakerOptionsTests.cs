using MindPeeker.Grains.Resilience;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class BreakerOptionsTests
{
    [Fact]
    public void The_defaults_follow_the_spec_numbers()
    {
        var policy = new CircuitBreakerOptions().PolicyFor("webhook:x");

        policy.Should().Be(new BreakerPolicy(0.5, 5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 2));
    }

    [Fact]
    public void The_longest_matching_prefix_overrides_and_unset_values_inherit()
    {
        var options = new CircuitBreakerOptions
        {
            Overrides =
            [
                new CircuitBreakerOverride { Prefix = "ai:", BreakDuration = TimeSpan.FromMinutes(2) },
                new CircuitBreakerOverride { Prefix = "ai:nim:", FailureRatio = 0.2 },
            ],
        };

        options.PolicyFor("ai:nim:qwen/qwen3.5-397b-a17b").Should().Be(new BreakerPolicy(0.2, 5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 2));
        options.PolicyFor("ai:other:m").BreakDuration.Should().Be(TimeSpan.FromMinutes(2));
        options.PolicyFor("webhook:1").Should().Be(new CircuitBreakerOptions().PolicyFor("webhook:1"));
    }

    [Fact]
    public void Invalid_settings_and_overrides_are_each_named()
    {
        var options = new CircuitBreakerOptions
        {
            FailureRatio = 0,
            SubscriptionExpiry = TimeSpan.FromSeconds(10),
            Overrides =
            [
                new CircuitBreakerOverride { Prefix = "", MinimumThroughput = 1 },
                new CircuitBreakerOverride { Prefix = "ai:", SamplingDuration = TimeSpan.FromMilliseconds(10) },
                new CircuitBreakerOverride { Prefix = "ai:", SuccessThreshold = 0 },
            ],
        };

        var result = new CircuitBreakerOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
        [
            "Resilience:Breakers:FailureRatio must be above 0 and at most 1.",
            "Resilience:Breakers:Overrides:0:Prefix must name a dependency prefix such as 'ai:' or 'webhook:'.",
            "Resilience:Breakers:Overrides:0:MinimumThroughput must be at least 2.",
            "Resilience:Breakers:Overrides:1:SamplingDuration must be from 0.5 seconds to 1 day.",
            "Resilience:Breakers:Overrides:2:Prefix 'ai:' is listed twice.",
            "Resilience:Breakers:Overrides:2:SuccessThreshold must be from 1 to 100.",
            "Resilience:Breakers:SubscriptionExpiry must be longer than SubscriptionRenewal.",
        ]);
    }

    [Fact]
    public void Invalid_bulkhead_settings_are_named()
    {
        var options = new BulkheadOptions
        {
            MaxConcurrent = 0,
            Overrides = [new BulkheadOverride { Prefix = "webhook:", MaxQueue = -1, QueueTimeout = TimeSpan.Zero }],
        };

        var result = new BulkheadOptionsValidator().Validate(null, options);

        result.Failures.Should().BeEquivalentTo(
        [
            "Resilience:Bulkheads:MaxConcurrent must be from 1 to 10000.",
            "Resilience:Bulkheads:Overrides:0:MaxQueue must be from 0 to 100000.",
            "Resilience:Bulkheads:Overrides:0:QueueTimeout must be from 1 millisecond to 10 minutes.",
        ]);
        new BulkheadOptionsValidator().Validate(null, new BulkheadOptions()).Succeeded.Should().BeTrue();
    }
}
