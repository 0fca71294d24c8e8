using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.ApiFrontend.Tests.Identity;

public sealed class ApiKeyEndpointTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private TestAccount _owner = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _owner = await TestAccounts.RegisterAsync(_client, "keys");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Create_shows_the_key_once_and_stores_only_a_hash_of_its_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new
            {
                name = "ci",
                permissions = new[] { new { resource = "sessions", actions = new[] { "create", "read" } } },
                rate_limit_per_minute = 1000,
                ip_whitelist = new[] { "203.0.113.9/24" },
            }),
        }.AuthorizeAs(_owner);

        using var response = await _client.SendAsync(request);

        var created = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        key.Should().MatchRegex("^mpk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$");
        created.GetProperty("prefix").GetString().Should().Be(key[4..16]);
        created.GetProperty("rate_limit_per_minute").GetInt32().Should().Be(1000);
        created.GetProperty("ip_whitelist")[0].GetString().Should().Be("203.0.113.0/24");
        response.Headers.Location!.ToString().Should().Be($"/v1/api-keys/{created.GetProperty("id").GetGuid()}");

        using var get = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location).AuthorizeAs(_owner);
        using var fetched = await _client.SendAsync(get);
        var body = await fetched.Content.ReadAsStringAsync();
        body.Should().NotContain(key[17..]).And.NotContain("\"key\"");

        await using var command = database.DataSource.CreateCommand("SELECT row_to_json(k)::text FROM api_keys k WHERE prefix = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key[4..16] });
        ((string)(await command.ExecuteScalarAsync())!).Should().NotContain(key[17..]);
        (await AuditCountAsync("api_key.created")).Should().Be(1);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_cursor_and_shows_no_secrets()
    {
        var keys = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            keys.Add(await TestAccounts.CreateApiKeyAsync(_client, _owner, new[] { new { resource = "sessions", actions = new[] { "read" } } }));
        }

        var first = await ListAsync("?limit=2");
        first.GetProperty("has_more").GetBoolean().Should().BeTrue();
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await ListAsync($"?limit=2&starting_after={cursor}");
        second.GetProperty("has_more").GetBoolean().Should().BeFalse();
        second.GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);

        var prefixes = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(k => k.GetProperty("prefix").GetString()).ToList();
        prefixes.Should().Equal(keys.AsEnumerable().Reverse().Select(k => k[4..16]));
        first.GetProperty("items").EnumerateArray().SelectMany(k => k.EnumerateObject()).Select(p => p.Name).Should().NotContain("key");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?starting_after=nope", "starting_after")]
    public async Task Bad_list_parameters_answer_400_with_the_field(string query, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys{query}").AuthorizeAs(_owner);
        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Invalid_cidrs_permissions_and_conditions_answer_400_with_field_errors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new
            {
                name = "",
                permissions = new object[]
                {
                    new { resource = "spaceships", actions = new[] { "read" } },
                    new { resource = "sessions", actions = new[] { "fly" } },
                    new { resource = "sessions", actions = new[] { "read" }, conditions = new[] { new { field = "userId", @operator = "like", value = "x" } } },
                },
                ip_whitelist = new[] { "10.0.0.0/33", "not-an-ip", "2001:db8::/129" },
                rate_limit_per_minute = 0,
            }),
        }.AuthorizeAs(_owner);

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            "name", "permissions[0].resource", "permissions[1].actions", "permissions[2].conditions[0]",
            "ip_whitelist[0]", "ip_whitelist[1]", "ip_whitelist[2]", "rate_limit_per_minute");
    }

    [Fact]
    public async Task Revoking_answers_204_then_404_and_audits_once()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _owner, new[] { new { resource = "sessions", actions = new[] { "read" } } });
        var id = (await ListAsync("")).GetProperty("items").EnumerateArray().Single(k => k.GetProperty("prefix").GetString() == key[4..16]).GetProperty("id").GetGuid();

        using var first = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{id}").AuthorizeAs(_owner);
        using var second = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{id}").AuthorizeAs(_owner);
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys/{id}").AuthorizeAs(_owner);

        (await _client.SendAsync(first)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.SendAsync(second)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.SendAsync(get)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await AuditCountAsync("api_key.revoked")).Should().Be(1);
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys{query}").AuthorizeAs(_owner);
        using var response = await _client.SendAsync(request);
        return await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
    }

    private async Task<long> AuditCountAsync(string action)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE action = $1 AND actor_user_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = _owner.UserId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
