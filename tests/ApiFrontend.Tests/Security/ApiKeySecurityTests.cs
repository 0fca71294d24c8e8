using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>API keys: revocation at once, IP allowlists, least privilege, no cross-user access.</summary>
public sealed class ApiKeySecurityTests(SecurityApiFixture fixture) : IClassFixture<SecurityApiFixture>
{
    internal static readonly object AllKeyRights = new[] { new { resource = "api-keys", actions = new[] { "*" } } };

    private readonly HttpClient _client = fixture.Client;
    private readonly TestAccount _alice = fixture.Alice;
    private readonly TestAccount _bob = fixture.Bob;

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_very_next_request()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _alice, AllKeyRights);
        (await ListWithKeyAsync(key)).StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await KeyIdAsync(_alice, key);

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{id}").AuthorizeAs(_alice);
        (await _client.SendAsync(revoke)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var after = await ListWithKeyAsync(key);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("revoked");
    }

    [Theory]
    [InlineData("203.0.113.7", HttpStatusCode.OK)]
    [InlineData("::ffff:203.0.113.200", HttpStatusCode.OK)]
    [InlineData("2001:db8:1234::5", HttpStatusCode.OK)]
    [InlineData("198.51.100.1", HttpStatusCode.Forbidden)]
    [InlineData("::ffff:198.51.100.1", HttpStatusCode.Forbidden)]
    [InlineData("2001:db9::1", HttpStatusCode.Forbidden)]
    public async Task The_ip_allowlist_is_checked_on_every_request_for_ipv4_ipv6_and_mapped_addresses(string address, HttpStatusCode expected)
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _alice, AllKeyRights, ipWhitelist: ["203.0.113.0/24", "2001:db8::/32"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys").WithApiKey(key);
        request.Headers.Add(RemoteAddressStartupFilter.Header, address);
        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task A_read_only_key_cannot_create_and_its_403_says_insufficient_permissions()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _alice, new[]
        {
            new { resource = "sessions", actions = new[] { "read" } },
            new { resource = "api-keys", actions = new[] { "read" } },
        });
        (await ListWithKeyAsync(key)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "escalate", permissions = new[] { new { resource = "sessions", actions = new[] { "read" } } } }),
        }.WithApiKey(key);
        using var response = await _client.SendAsync(create);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Insufficient permissions");
        problem.GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_key_cannot_be_created_with_more_rights_than_its_owner_or_the_key_creating_it()
    {
        using var asUser = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "admin please", permissions = new[] { new { resource = "admin", actions = new[] { "*" } } } }),
        }.AuthorizeAs(_alice);
        (await _client.SendAsync(asUser)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var narrow = await TestAccounts.CreateApiKeyAsync(_client, _alice, new[]
        {
            new { resource = "api-keys", actions = new[] { "create" } },
            new { resource = "sessions", actions = new[] { "read" } },
        });
        using var asKey = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "wider", permissions = new[] { new { resource = "sessions.*", actions = new[] { "create" } } } }),
        }.WithApiKey(narrow);
        using var widened = await _client.SendAsync(asKey);
        widened.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await widened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("sessions.*:create");
    }

    [Fact]
    public async Task Another_users_key_answers_404_to_get_and_delete_and_keeps_working()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _alice, AllKeyRights);
        var id = await KeyIdAsync(_alice, key);

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys/{id}").AuthorizeAs(_bob);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{id}").AuthorizeAs(_bob);

        (await _client.SendAsync(get)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.SendAsync(delete)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ListWithKeyAsync(key)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_permission_condition_limits_a_key_to_the_one_resource_it_names()
    {
        var target = await TestAccounts.CreateApiKeyAsync(_client, _alice, AllKeyRights);
        var targetId = await KeyIdAsync(_alice, target);
        var conditional = await TestAccounts.CreateApiKeyAsync(_client, _alice, new[]
        {
            new
            {
                resource = "api-keys",
                actions = new[] { "read" },
                conditions = new[] { new { field = "apiKeyId", @operator = "eq", value = targetId.ToString() } },
            },
        });
        var conditionalId = await KeyIdAsync(_alice, conditional);

        using var allowed = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys/{targetId}").WithApiKey(conditional);
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/v1/api-keys/{conditionalId}").WithApiKey(conditional);

        (await _client.SendAsync(allowed)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.SendAsync(other)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ListWithKeyAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a list names no key, so the condition cannot hold");
    }

    private async Task<HttpResponseMessage> ListWithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys").WithApiKey(key);
        return await _client.SendAsync(request);
    }

    private async Task<Guid> KeyIdAsync(TestAccount owner, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys?limit=100").AuthorizeAs(owner);
        using var response = await _client.SendAsync(request);
        var items = (await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK)).GetProperty("items");
        return items.EnumerateArray().Single(k => key.StartsWith($"mpk_{k.GetProperty("prefix").GetString()}_", StringComparison.Ordinal)).GetProperty("id").GetGuid();
    }
}
