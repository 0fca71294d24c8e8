using System.Net;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;

namespace MindPeeker.ApiFrontend.Tests.Dashboard.Domain;

/// <summary>The rate-limits page over real rate-limited traffic, and who may read the domain pages.</summary>
public sealed class RateLimitsDashboardTests(RateLimitedDashboardFixture fixture) : IClassFixture<RateLimitedDashboardFixture>
{
    [Fact]
    public async Task A_low_limit_api_key_is_the_hottest_bucket_with_its_rejections()
    {
        using var owner = fixture.ClientFor(fixture.User);
        var key = await TestAccounts.CreateApiKeyAsync(owner, fixture.User, new[] { new { resource = "sessions", actions = new[] { "read" } } }, rateLimitPerMinute: 3);
        using var keyClient = fixture.Factory.CreateClient().WithApiKey(key);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await keyClient.GetAsync("/v1/sessions");
            statuses.Add(response.StatusCode);
        }

        var refused = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        refused.Should().BeInRange(21, 22, "3 per minute admits the burst of 3 (a 4th only if the run took over 20 s)");

        using var admin = fixture.ClientFor(fixture.Admin);
        var page = await SessionRequests.GetDataAsync(admin, "/v1/admin/dashboard/rate-limits?top=5");

        var hottest = page.GetProperty("buckets")[0];
        hottest.GetProperty("policy").GetString().Should().Be("default");
        hottest.GetProperty("principal_kind").GetString().Should().Be("key");
        hottest.GetProperty("key").GetString().Should().StartWith("default/key:");
        hottest.GetProperty("requests").GetInt64().Should().Be(25);
        hottest.GetProperty("rejections").GetInt64().Should().Be(refused);
        hottest.GetProperty("limit").GetInt32().Should().Be(3);
        hottest.GetProperty("remaining").GetInt32().Should().Be(0);
        hottest.GetProperty("tier").GetString().Should().Be("custom", "the key's own limit replaces its owner's tier limit");
        hottest.GetProperty("rejection_rate").GetDouble().Should().BeApproximately(refused / 25.0, 0.001);
        page.GetProperty("rejections").GetInt64().Should().BeGreaterThanOrEqualTo(refused);
        page.GetProperty("buckets").GetArrayLength().Should().BeLessThanOrEqualTo(5);
        page.GetProperty("silos").EnumerateArray().Should().ContainSingle().Which.GetProperty("answered").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("/v1/admin/dashboard/rate-limits")]
    [InlineData("/v1/admin/dashboard/webhooks")]
    [InlineData("/v1/admin/dashboard/sessions")]
    [InlineData("/v1/admin/dashboard/logs")]
    public async Task Domain_pages_are_for_admins_only(string path)
    {
        using var user = fixture.ClientFor(fixture.User);
        using var forbidden = await user.GetAsync(path);
        await SessionRequests.ReadProblemAsync(forbidden, HttpStatusCode.Forbidden);

        using var anonymous = fixture.Factory.CreateClient();
        using var unauthorized = await anonymous.GetAsync(path);
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var admin = fixture.ClientFor(fixture.Admin);
        using var allowed = await admin.GetAsync(path);
        allowed.StatusCode.Should().Be(HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/admin/dashboard/rate-limits?top=0", "top")]
    [InlineData("/v1/admin/dashboard/webhooks?dead_limit=101", "dead_limit")]
    [InlineData("/v1/admin/dashboard/sessions?minutes=abc", "minutes")]
    [InlineData("/v1/admin/dashboard/logs?level=loud", "level")]
    [InlineData("/v1/admin/dashboard/logs?after=not-a-cursor", "after")]
    [InlineData("/v1/admin/dashboard/logs?limit=1001", "limit")]
    public async Task Bad_queries_are_answered_with_a_validation_problem(string path, string field)
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        using var response = await admin.GetAsync(path);

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal(field);
    }
}
