using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.RateLimiting;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

public sealed class RateLimitPoliciesTests : IDisposable
{
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
    private readonly ServiceProvider _services;

    public RateLimitPoliciesTests()
    {
        _services = new ServiceCollection().AddSingleton<IConfiguration>(_configuration).AddRateLimitingFeature(_configuration).BuildServiceProvider();
    }

    private RateLimitPolicies Policies => _services.GetRequiredService<RateLimitPolicies>();

    [Theory]
    [InlineData("basic", 100)]
    [InlineData("professional", 1_000)]
    [InlineData("enterprise", 10_000)]
    [InlineData("platinum", 100)]
    [InlineData(null, 100)]
    public void A_user_is_limited_per_minute_by_tier_with_a_token_bucket(string? tier, int perMinute)
    {
        var check = Policies.ChecksFor(Request("GET", "/v1/users/me", User("u-1", tier))).Single();

        check.Policy.Should().Be("default");
        check.Key.Should().Be("default/user:u-1");
        check.Rule.Should().Be(RateLimitRule.TokenBucket(perMinute, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void An_api_key_is_its_own_principal_and_its_rate_limit_per_minute_replaces_the_tier_limit()
    {
        var withOverride = Policies.ChecksFor(Request("GET", "/v1/sessions", ApiKey("k-1", "enterprise", "25"))).Single();
        var withoutOverride = Policies.ChecksFor(Request("GET", "/v1/sessions", ApiKey("k-2", "professional", null))).Single();

        withOverride.Key.Should().Be("default/key:k-1");
        withOverride.Rule.PermitLimit.Should().Be(25);
        withOverride.Rule.BurstLimit.Should().Be(25);
        withoutOverride.Rule.PermitLimit.Should().Be(1_000, "a key without its own limit has its owner's tier limit");
    }

    [Fact]
    public void Anonymous_requests_are_limited_per_client_ip_with_a_sliding_window()
    {
        var check = Policies.ChecksFor(Request("GET", "/v1/anything", new ClaimsPrincipal(new ClaimsIdentity()), "::ffff:203.0.113.5")).Single();

        check.Key.Should().Be("default/ip:203.0.113.5", "IPv4-mapped IPv6 peers count as their IPv4 address");
        check.Rule.Should().Be(RateLimitRule.SlidingWindow(100, TimeSpan.FromMinutes(1), 6));
    }

    [Fact]
    public void Creating_a_session_is_also_charged_to_the_tighter_session_policy_of_the_same_principal()
    {
        var checks = Policies.ChecksFor(Request("POST", "/V1/Sessions/", User("u-2", "enterprise")));

        checks.Select(c => c.Key).Should().Equal("default/user:u-2", "sessions-create/user:u-2");
        checks[1].Rule.Should().Be(RateLimitRule.TokenBucket(50, TimeSpan.FromMinutes(1)));
        Policies.ChecksFor(Request("GET", "/v1/sessions", User("u-2", "enterprise"))).Should().ContainSingle("listing is not creating");
    }

    [Theory]
    [InlineData("/v1/auth/login")]
    [InlineData("/v1/auth/register")]
    [InlineData("/v1/auth/refresh")]
    public void Auth_attempts_are_charged_per_client_ip_even_for_an_authenticated_caller(string path)
    {
        var checks = Policies.ChecksFor(Request("POST", path, User("u-3", "basic"), "198.51.100.20"));

        checks.Select(c => c.Key).Should().Equal("default/user:u-3", "auth/ip:198.51.100.20");
        checks[1].Rule.Should().Be(RateLimitRule.SlidingWindow(10, TimeSpan.FromMinutes(1), 6));
    }

    [Theory]
    [InlineData("/health/live", false)]
    [InlineData("/metrics", false)]
    [InlineData("/.well-known/jwks.json", false)]
    [InlineData("/v1", true)]
    [InlineData("/v1/no-such-route", true)]
    [InlineData("/v10/sessions", false)]
    public void Only_the_v1_api_is_limited(string path, bool limited) =>
        Policies.Applies(Request("GET", path, new ClaimsPrincipal()).Request).Should().Be(limited);

    [Fact]
    public void A_configuration_change_applies_from_the_next_request()
    {
        var before = Policies.ChecksFor(Request("GET", "/v1/users/me", User("u-4", "basic"))).Single();

        _configuration["RateLimiting:Default:Basic"] = "7";
        _configuration["RateLimiting:Default:Algorithm"] = "FixedWindow";
        _configuration.Reload();
        var after = Policies.ChecksFor(Request("GET", "/v1/users/me", User("u-4", "basic"))).Single();

        before.Rule.PermitLimit.Should().Be(100);
        after.Rule.Should().Be(RateLimitRule.FixedWindow(7, TimeSpan.FromMinutes(1)));
    }

    public void Dispose() => _services.Dispose();

    private static DefaultHttpContext Request(string method, string path, ClaimsPrincipal user, string ip = "192.0.2.1") => new()
    {
        Request = { Method = method, Path = path },
        Connection = { RemoteIpAddress = IPAddress.Parse(ip) },
        User = user,
    };

    private static ClaimsPrincipal User(string id, string? tier) => Authenticated(
        [new Claim(MindPeekerClaims.Subject, id), .. tier is null ? Array.Empty<Claim>() : [new Claim(MindPeekerClaims.Tier, tier)]]);

    private static ClaimsPrincipal ApiKey(string keyId, string tier, string? perMinute) => Authenticated(
    [
        new Claim(MindPeekerClaims.Subject, "owner"),
        new Claim(MindPeekerClaims.Tier, tier),
        new Claim(MindPeekerClaims.ApiKeyId, keyId),
        .. perMinute is null ? Array.Empty<Claim>() : [new Claim(MindPeekerClaims.RateLimitPerMinute, perMinute)],
    ]);

    private static ClaimsPrincipal Authenticated(IEnumerable<Claim> claims) => new(new ClaimsIdentity(claims, MindPeeker.ApiFrontend.Security.AuthenticationSchemes.Bearer));
}
