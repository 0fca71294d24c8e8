using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

public sealed class AuthenticatedRateLimitTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private ApiFactory _api = null!;
    private WebApplicationFactory<MindPeeker.Silo.Program> _factory = null!;

    public Task InitializeAsync()
    {
        _api = new ApiFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Default:Basic"] = "5",
            ["RateLimiting:SessionCreation:PermitLimit"] = "2",
            ["RateLimiting:Anonymous:PermitLimit"] = "3",
        });
        _factory = _api.WithClientIps();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_authenticated_response_carries_the_draft_and_legacy_rate_limit_headers()
    {
        var client = await SignedInClientAsync("192.0.2.11");

        var response = await client.GetAsync("/v1/users/me");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "RateLimit-Policy").Should().Be("\"default\";q=5;w=60");
        Header(response, "RateLimit").Should().Be("\"default\";r=4;t=12", "one of five tokens is spent and five a minute refill one every 12 s");
        Header(response, "X-RateLimit-Limit").Should().Be("5");
        Header(response, "X-RateLimit-Remaining").Should().Be("4");
        var reset = DateTimeOffset.ParseExact(Header(response, "X-RateLimit-Reset"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        reset.Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(12), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Past_the_tier_limit_a_user_gets_429_with_retry_after_until_a_token_refills()
    {
        var client = await SignedInClientAsync("192.0.2.12");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/v1/users/me")).StatusCode);
        }

        var refused = await client.GetAsync("/v1/users/me");

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Header(refused, "Retry-After"), CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(1, 12);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be($"Rate limit exceeded. Try again in {retryAfter} seconds.");
        problem.GetProperty("policy").GetString().Should().Be("default");
        Header(refused, "RateLimit").Should().StartWith("\"default\";r=0;t=");
    }

    [Fact]
    public async Task An_api_keys_own_rate_limit_per_minute_replaces_the_tier_limit_in_a_bucket_of_its_own()
    {
        var owner = await SignedInClientAsync("192.0.2.13", account => TestAccounts.CreateApiKeyAsync(
            _factory.ClientFrom("192.0.2.13"), account, new[] { new { resource = "sessions", actions = new[] { "read" } } }, rateLimitPerMinute: 2));
        var keyClient = _factory.ClientFrom("192.0.2.13").WithApiKey(owner.ApiKey!);

        var first = await keyClient.GetAsync("/v1/users/me");
        await keyClient.GetAsync("/v1/users/me");
        var third = await keyClient.GetAsync("/v1/users/me");
        var asTheOwner = await owner.Client.GetAsync("/v1/users/me");

        Header(first, "RateLimit-Policy").Should().Be("\"default\";q=2;w=60");
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        asTheOwner.StatusCode.Should().Be(HttpStatusCode.OK, "the key's requests are charged to the key, not to its owner");
        Header(asTheOwner, "RateLimit-Policy").Should().Be("\"default\";q=5;w=60");
    }

    [Fact]
    public async Task Creating_sessions_has_a_tighter_limit_and_a_refused_creation_is_not_charged_to_the_default_policy()
    {
        var client = await SignedInClientAsync("192.0.2.14");

        var first = await client.PostAsJsonAsync("/v1/sessions", new { });
        await client.PostAsJsonAsync("/v1/sessions", new { });
        var third = await client.PostAsJsonAsync("/v1/sessions", new { });
        var afterwards = await client.GetAsync("/v1/users/me");

        Header(first, "RateLimit-Policy").Should().Be("\"default\";q=5;w=60, \"sessions-create\";q=2;w=60");
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policy").GetString().Should().Be("sessions-create");
        Header(third, "RateLimit-Policy").Should().Be("\"sessions-create\";q=2;w=60");
        Header(afterwards, "X-RateLimit-Remaining").Should().Be("2", "two creations and this request were charged to the default policy");
    }

    [Fact]
    public async Task Requests_with_a_wrong_api_key_are_charged_to_the_client_ip_so_guessing_keys_is_limited()
    {
        var client = _factory.ClientFrom("192.0.2.15").WithApiKey("mp_live_not-a-real-key");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.GetAsync("/v1/users/me"));
        }

        responses.Select(r => r.StatusCode).Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        Header(responses[0], "RateLimit-Policy").Should().Be("\"default\";q=3;w=60", "a refused credential still answers with the client IP's limit");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new InvalidOperationException($"{name} is missing ({(int)response.StatusCode}).");

    private async Task<HttpClient> SignedInClientAsync(string ip) => (await SignedInClientAsync(ip, null)).Client;

    private async Task<SignedIn> SignedInClientAsync(string ip, Func<TestAccount, Task<string>>? createKey)
    {
        var client = _factory.ClientFrom(ip);
        var account = await TestAccounts.RegisterAsync(client, "ratelimit");
        var key = createKey is null ? null : await createKey(account);
        return new SignedIn(client.WithBearer(account), key);
    }

    private sealed record SignedIn(HttpClient Client, string? ApiKey);
}
