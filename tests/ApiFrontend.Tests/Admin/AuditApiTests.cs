using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.ApiFrontend.Tests.Admin;

public sealed class AuditApiTests(AuditApiFixture fixture) : IClassFixture<AuditApiFixture>
{
    private const string Path = "/v1/admin/audit";

    private static readonly object[] ReadSessions = [new { resource = "sessions", actions = new[] { "read" } }];

    [Fact]
    public async Task Registering_creating_and_revoking_an_api_key_are_listed_newest_first_with_every_field()
    {
        var actor = await RegisterAsync("keys");
        using var client = fixture.ClientFor(actor);
        var keyId = await CreateApiKeyAsync(client, "ci key");
        using var revoke = await client.DeleteAsync($"/v1/api-keys/{keyId}");
        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var entries = await QueryAsync($"user={actor.UserId}");

        entries.Select(e => e.GetProperty("action").GetString()).Should().Equal("api_key.revoked", "api_key.created", "auth.register");
        var revoked = entries[0];
        revoked.GetProperty("id").GetString().Should().MatchRegex("^[0-9]+$");
        revoked.GetProperty("actor_user_id").GetGuid().Should().Be(actor.UserId);
        revoked.GetProperty("actor_api_key_id").ValueKind.Should().Be(JsonValueKind.Null);
        revoked.GetProperty("resource_type").GetString().Should().Be("api_key");
        revoked.GetProperty("resource_id").GetString().Should().Be(keyId);
        revoked.TryGetProperty("ip", out _).Should().BeTrue();
        revoked.GetProperty("occurred_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var created = entries[1];
        created.GetProperty("details").GetProperty("name").GetString().Should().Be("ci key");
        created.GetProperty("details").GetProperty("prefix").GetString().Should().NotBeNullOrEmpty();
        var register = entries[2];
        register.GetProperty("resource_type").GetString().Should().Be("user");
        register.GetProperty("resource_id").GetString().Should().Be(actor.UserId.ToString());
        entries.Select(e => e.GetProperty("occurred_at").GetDateTimeOffset()).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task A_failed_login_is_recorded_without_an_actor_and_without_the_password()
    {
        var login = "nobody_" + Guid.NewGuid().ToString("N")[..12];
        const string password = "Wr0ng-Passw0rd-Never-Logged";
        using var anonymous = fixture.Factory.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/v1/auth/login", new { username = login, password });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var admin = fixture.ClientFor(fixture.Admin);
        using var listed = await admin.GetAsync($"{Path}?action=auth.login_failed&limit=100");
        var body = await listed.Content.ReadAsStringAsync();
        var data = await TestAccounts.ReadDataAsync(listed, HttpStatusCode.OK);

        var entry = data.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("details").GetProperty("login").GetString() == login);
        entry.GetProperty("actor_user_id").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("resource_type").GetString().Should().Be("user");
        body.Should().NotContain(password);
    }

    [Fact]
    public async Task Webhook_creation_is_recorded_without_its_secret_or_the_url_path_and_query()
    {
        var actor = await RegisterAsync("hooks");
        using var client = fixture.ClientFor(actor);
        var secret = "whsec_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        using var create = await client.PostAsJsonAsync(
            "/v1/webhooks", new { url = "http://127.0.0.1:9/hooks/T0001/pathtoken42?token=querytoken42", events = new[] { "session.completed" }, secret });
        var webhookId = (await TestAccounts.ReadDataAsync(create, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        using var admin = fixture.ClientFor(fixture.Admin);
        using var listed = await admin.GetAsync($"{Path}?resource=webhook:{webhookId}");
        var body = await listed.Content.ReadAsStringAsync();
        var data = await TestAccounts.ReadDataAsync(listed, HttpStatusCode.OK);

        var entry = data.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("action").GetString().Should().Be("webhook.created");
        entry.GetProperty("actor_user_id").GetGuid().Should().Be(actor.UserId);
        entry.GetProperty("details").GetProperty("url").GetString().Should().Be("http://127.0.0.1:9");
        body.Should().NotContain(secret[6..]).And.NotContain("pathtoken42").And.NotContain("querytoken42");
    }

    [Fact]
    public async Task An_isolated_circuit_breaker_is_found_by_its_resource_type_and_colon_bearing_id()
    {
        var dependency = $"webhook:{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<ICircuitBreakerGrain>(dependency).ReportOutcomes(new OutcomeReport(1, 0));
        using var admin = fixture.ClientFor(fixture.Admin);
        using var isolate = await admin.PostAsync($"/v1/admin/circuit-breakers/{Uri.EscapeDataString(dependency)}/isolate", null);
        isolate.StatusCode.Should().Be(HttpStatusCode.OK);

        var byId = await QueryAsync($"resource={Uri.EscapeDataString("circuit_breaker:" + dependency)}");
        var byType = await QueryAsync("resource=circuit_breaker&limit=100");

        var entry = byId.Should().ContainSingle().Subject;
        entry.GetProperty("action").GetString().Should().Be("circuit_breaker.isolated");
        entry.GetProperty("actor_user_id").GetGuid().Should().Be(fixture.Admin.UserId);
        entry.GetProperty("resource_id").GetString().Should().Be(dependency);
        byType.Should().OnlyContain(e => e.GetProperty("resource_type").GetString() == "circuit_breaker");
        byType.Select(e => e.GetProperty("resource_id").GetString()).Should().Contain(dependency);
    }

    [Fact]
    public async Task The_action_filter_matches_exactly_or_by_a_dotted_prefix()
    {
        var actor = await RegisterAsync("actions");
        using var client = fixture.ClientFor(actor);
        var keyId = await CreateApiKeyAsync(client, "one");
        (await client.DeleteAsync($"/v1/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var exact = await QueryAsync($"user={actor.UserId}&action=api_key.created");
        var prefix = await QueryAsync($"user={actor.UserId}&action=api_key.*");
        var auth = await QueryAsync($"user={actor.UserId}&action=auth.*");
        var partialWord = await QueryAsync($"user={actor.UserId}&action=api.*");

        exact.Select(e => e.GetProperty("action").GetString()).Should().Equal("api_key.created");
        prefix.Select(e => e.GetProperty("action").GetString()).Should().Equal("api_key.revoked", "api_key.created");
        auth.Select(e => e.GetProperty("action").GetString()).Should().Equal("auth.register");
        partialWord.Should().BeEmpty("a prefix matches whole dotted segments, so 'api.*' does not match 'api_key.created'");
    }

    [Fact]
    public async Task The_user_filter_returns_only_that_actors_entries()
    {
        var first = await RegisterAsync("first");
        var second = await RegisterAsync("second");
        using var client = fixture.ClientFor(second);
        await CreateApiKeyAsync(client, "second's key");

        var firstEntries = await QueryAsync($"user={first.UserId}");
        var secondEntries = await QueryAsync($"user={second.UserId}");

        firstEntries.Select(e => e.GetProperty("action").GetString()).Should().Equal("auth.register");
        firstEntries.Should().OnlyContain(e => e.GetProperty("actor_user_id").GetGuid() == first.UserId);
        secondEntries.Select(e => e.GetProperty("action").GetString()).Should().Equal("api_key.created", "auth.register");
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive()
    {
        var actor = await RegisterAsync("window");
        using var client = fixture.ClientFor(actor);
        for (var i = 0; i < 3; i++)
        {
            await CreateApiKeyAsync(client, $"key {i}");
        }

        var all = await QueryAsync($"user={actor.UserId}&action=api_key.created");
        var times = all.Select(e => e.GetProperty("occurred_at").GetDateTimeOffset()).ToList();
        times.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        var (newest, middle, oldest) = (times[0], times[1], times[2]);

        var fromMiddle = await QueryAsync($"user={actor.UserId}&action=api_key.created&since={Iso(middle)}");
        var beforeMiddle = await QueryAsync($"user={actor.UserId}&action=api_key.created&until={Iso(middle)}");
        var onlyMiddle = await QueryAsync($"user={actor.UserId}&since={Iso(middle)}&until={Iso(newest)}");
        var offset = await QueryAsync($"user={actor.UserId}&action=api_key.created&since={Uri.EscapeDataString(middle.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"))}");

        fromMiddle.Select(Time).Should().Equal(newest, middle);
        beforeMiddle.Select(Time).Should().Equal(oldest);
        onlyMiddle.Select(Time).Should().Equal(middle);
        offset.Select(Time).Should().Equal(newest, middle);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_gaps_or_duplicates()
    {
        var actor = await RegisterAsync("pages");
        using var client = fixture.ClientFor(actor);
        for (var i = 0; i < 6; i++)
        {
            await CreateApiKeyAsync(client, $"key {i}");
        }

        var all = await QueryAsync($"user={actor.UserId}&limit=100");
        using var admin = fixture.ClientFor(fixture.Admin);
        var paged = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            using var response = await admin.GetAsync($"{Path}?user={actor.UserId}&limit=3" + (cursor is null ? string.Empty : $"&starting_after={cursor}"));
            var page = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
            var ids = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
            paged.AddRange(ids);
            pages++;
            var hasMore = page.GetProperty("has_more").GetBoolean();
            cursor = hasMore ? page.GetProperty("next_cursor").GetString() : null;
            if (hasMore)
            {
                cursor.Should().Be(ids[^1]);
            }
            else
            {
                page.GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);
            }
        }
        while (cursor is not null);

        all.Should().HaveCount(7);
        pages.Should().Be(3);
        paged.Should().Equal(all.Select(e => e.GetProperty("id").GetString()));
        all.Select(e => e.GetProperty("id").GetString()!).Select(long.Parse).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task The_default_page_holds_twenty_entries()
    {
        var actor = await RegisterAsync("default");
        using var client = fixture.ClientFor(actor);
        for (var i = 0; i < 20; i++)
        {
            await CreateApiKeyAsync(client, $"key {i}");
        }

        using var admin = fixture.ClientFor(fixture.Admin);
        using var response = await admin.GetAsync($"{Path}?user={actor.UserId}");
        var page = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);

        page.GetProperty("items").GetArrayLength().Should().Be(20);
        page.GetProperty("has_more").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Users_without_the_admin_role_get_403_and_anonymous_callers_401()
    {
        using var user = fixture.ClientFor(fixture.User);
        using var anonymous = fixture.Factory.CreateClient();

        using var forbidden = await user.GetAsync(Path);
        using var unauthorized = await anonymous.GetAsync(Path);

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await forbidden.Content.ReadAsStringAsync()).Should().NotContain("auth.register");
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("starting_after=abc", "starting_after")]
    [InlineData("starting_after=-5", "starting_after")]
    [InlineData("starting_after=987654321012", "starting_after")]
    [InlineData("user=not-a-uuid", "user")]
    [InlineData("action=Auth.Login", "action")]
    [InlineData("action=webhook*", "action")]
    [InlineData("action=*", "action")]
    [InlineData("resource=api-key", "resource")]
    [InlineData("resource=webhook:", "resource")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-13-01T00:00:00Z", "since")]
    [InlineData("until=01/02/2026", "until")]
    [InlineData("since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", "until")]
    public async Task Invalid_parameters_answer_400_problem_json_naming_the_field(string query, string field)
    {
        using var admin = fixture.ClientFor(fixture.Admin);

        using var response = await admin.GetAsync($"{Path}?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
    }

    private static DateTimeOffset Time(JsonElement entry) => entry.GetProperty("occurred_at").GetDateTimeOffset();

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<TestAccount> RegisterAsync(string tag)
    {
        using var client = fixture.Factory.CreateClient();
        return await TestAccounts.RegisterAsync(client, tag);
    }

    private static async Task<string> CreateApiKeyAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/v1/api-keys", new { name, permissions = ReadSessions });
        return (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> QueryAsync(string query)
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        using var response = await admin.GetAsync($"{Path}?{query}");
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
        return [.. data.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }
}
