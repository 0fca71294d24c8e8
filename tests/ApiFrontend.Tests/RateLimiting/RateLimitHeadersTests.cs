using MindPeeker.ApiFrontend.RateLimiting;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly BucketCheck Default = new("default", "default/user:u", RateLimitRule.TokenBucket(100, TimeSpan.FromMinutes(1)));

    private static readonly BucketCheck Sessions = new("sessions-create", "sessions-create/user:u", RateLimitRule.TokenBucket(50, TimeSpan.FromMinutes(1)));

    [Fact]
    public void One_policy_is_written_in_the_httpapi_draft_syntax_and_the_legacy_headers()
    {
        var decision = new RateLimitDecision(true, 100, 42, Now.AddSeconds(16.2), TimeSpan.Zero);

        var headers = RateLimitHeaders.From([Default], [decision], Now);

        headers.Policy.Should().Be("\"default\";q=100;w=60");
        headers.RateLimit.Should().Be("\"default\";r=42;t=17", "seconds are rounded up so clients never come back early");
        headers.Limit.Should().Be("100");
        headers.Remaining.Should().Be("42");
        headers.Reset.Should().Be("2026-03-01T12:00:17Z");
    }

    [Fact]
    public void Every_charged_policy_is_listed_and_the_legacy_headers_describe_the_one_with_the_fewest_left()
    {
        var headers = RateLimitHeaders.From(
            [Default, Sessions],
            [new RateLimitDecision(true, 100, 90, Now.AddSeconds(6), TimeSpan.Zero), new RateLimitDecision(true, 50, 3, Now.AddSeconds(56), TimeSpan.Zero)],
            Now);

        headers.Policy.Should().Be("\"default\";q=100;w=60, \"sessions-create\";q=50;w=60");
        headers.RateLimit.Should().Be("\"default\";r=90;t=6, \"sessions-create\";r=3;t=56");
        headers.Limit.Should().Be("50");
        headers.Remaining.Should().Be("3");
    }

    [Fact]
    public void A_refusing_policy_binds_the_legacy_headers_and_unevaluated_policies_are_left_out()
    {
        var refused = new RateLimitDecision(false, 50, 0, Now.AddSeconds(60), TimeSpan.FromSeconds(1.2));

        var headers = RateLimitHeaders.From([Default, Sessions], [null, refused], Now);

        headers.Policy.Should().Be("\"sessions-create\";q=50;w=60");
        headers.RateLimit.Should().Be("\"sessions-create\";r=0;t=60");
        headers.Limit.Should().Be("50");
        headers.Remaining.Should().Be("0");
    }
}
