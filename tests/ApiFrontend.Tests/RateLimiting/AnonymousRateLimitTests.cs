using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

public sealed class AnonymousRateLimitTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private ApiFactory _api = null!;
    private WebApplicationFactory<MindPeeker.Silo.Program> _factory = null!;

    public Task InitializeAsync()
    {
        _api = new ApiFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "4",
            ["RateLimiting:AuthAttempts:PermitLimit"] = "2",
        });
        _factory = _api.WithClientIps();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Auth_attempts_from_one_ip_are_refused_with_429_retry_after_and_a_problem_body()
    {
        var client = _factory.ClientFrom("203.0.113.10");

        var attempts = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await client.PostAsJsonAsync("/v1/auth/login", new { email = "nobody@example.com", password = "wrong-password-123" }));
        }

        attempts.Take(2).Should().OnlyContain(r => r.StatusCode != HttpStatusCode.TooManyRequests);
        var refused = attempts[2];
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(50, 60, "both attempts sit in the first 10-second segment, which stops counting one minute after it began");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(429);
        problem.GetProperty("title").GetString().Should().Be("Too Many Requests");
        problem.GetProperty("instance").GetString().Should().Be("/v1/auth/login");
        problem.GetProperty("detail").GetString().Should().Be($"Rate limit exceeded. Try again in {retryAfter} seconds.");
        problem.GetProperty("error").GetString().Should().Be("Too many requests");
        problem.GetProperty("policy").GetString().Should().Be("auth");
        problem.GetProperty("success").GetBoolean().Should().BeFalse();
        problem.GetProperty("requestId").GetString().Should().Be(refused.Headers.GetValues("X-Request-Id").Single());
        refused.Headers.GetValues("RateLimit-Policy").Single().Should().Be("\"auth\";q=2;w=60");
        refused.Headers.GetValues("X-RateLimit-Remaining").Single().Should().Be("0");
    }

    [Fact]
    public async Task Another_ip_has_its_own_auth_attempts()
    {
        var first = _factory.ClientFrom("203.0.113.20");
        var second = _factory.ClientFrom("2001:db8::20");
        for (var i = 0; i < 3; i++)
        {
            await first.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = "not-a-token" });
        }

        var fromSecond = await second.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = "not-a-token" });

        fromSecond.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        fromSecond.Headers.GetValues("RateLimit").Single().Should().Be("\"default\";r=3;t=60, \"auth\";r=1;t=60");
    }

    [Fact]
    public async Task Anonymous_requests_are_counted_per_ip_even_when_no_route_matches()
    {
        var client = _factory.ClientFrom("203.0.113.30");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync($"/v1/probe-{i}")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Health_endpoints_are_never_limited_and_carry_no_rate_limit_headers()
    {
        var client = _factory.ClientFrom("203.0.113.40");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            responses.Add(await client.GetAsync("/health/live"));
        }

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("RateLimit"));
    }
}
