using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>Who may open the hub at /v1/ws, and how credentials may travel (API.md, "Conventions").</summary>
public sealed class HubAuthenticationTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly object SessionsRead = new[] { new { resource = "sessions", actions = new[] { "read" } } };

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private TestAccount _account = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        _account = await TestAccounts.RegisterAsync(_client, "hubauth");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Negotiating_or_connecting_without_credentials_is_refused_with_401()
    {
        using var negotiate = await _client.PostAsync("/v1/ws/negotiate?negotiateVersion=1", null);
        var connect = () => HubTestConnection.ConnectAsync(_factory);

        negotiate.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await connect.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("401");
    }

    [Fact]
    public async Task A_tampered_token_is_refused_like_none()
    {
        var connect = () => HubTestConnection.ConnectAsync(_factory, request => request.Headers.Authorization = "Bearer " + _account.AccessToken[..^4] + "AAAA");

        (await connect.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("401");
    }

    [Fact]
    public async Task A_bearer_token_in_the_header_opens_the_hub()
    {
        await using var hub = await HubTestConnection.ConnectAsync(_factory, request => request.Headers.Authorization = "Bearer " + _account.AccessToken);

        var subscribe = () => hub.InvokeAsync("Subscribe", Guid.NewGuid().ToString());

        (await subscribe.Should().ThrowAsync<HubInvocationException>()).Which.Message.Should().EndWith("HubException: Session not found");
    }

    [Fact]
    public async Task The_hub_takes_the_access_token_from_the_query_string_as_browsers_must()
    {
        await using var hub = await HubTestConnection.ConnectAsync(_factory, query: "?access_token=" + Uri.EscapeDataString(_account.AccessToken));

        var subscribe = () => hub.InvokeAsync("Subscribe", Guid.NewGuid().ToString());

        (await subscribe.Should().ThrowAsync<HubInvocationException>()).Which.Message.Should().EndWith("HubException: Session not found");
    }

    [Fact]
    public async Task An_API_key_in_the_header_opens_the_hub()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _account, SessionsRead);

        await using var hub = await HubTestConnection.ConnectAsync(_factory, request => request.Headers["X-API-Key"] = key);

        var subscribe = () => hub.InvokeAsync("Subscribe", Guid.NewGuid().ToString());
        (await subscribe.Should().ThrowAsync<HubInvocationException>()).Which.Message.Should().EndWith("HubException: Session not found");
    }

    [Fact]
    public async Task Revoking_an_API_key_closes_the_hub_connections_it_opened()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _account, SessionsRead);
        await using var keyed = await HubTestConnection.ConnectAsync(_factory, request => request.Headers["X-API-Key"] = key);
        await using var other = await HubTestConnection.ConnectAsync(_factory, request => request.Headers.Authorization = "Bearer " + _account.AccessToken);
        var keyId = await FindKeyIdAsync(key);

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{keyId}").AuthorizeAs(_account);
        using var revoked = await _client.SendAsync(revoke);

        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await keyed.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var stillOpen = () => other.InvokeAsync("Subscribe", Guid.NewGuid().ToString());
        (await stillOpen.Should().ThrowAsync<HubInvocationException>()).Which.Message.Should().EndWith("HubException: Session not found");
    }

    [Fact]
    public async Task A_key_that_may_not_read_sessions_cannot_open_the_hub()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _account, new[] { new { resource = "webhooks", actions = new[] { "read" } } });

        var connect = () => HubTestConnection.ConnectAsync(_factory, request => request.Headers["X-API-Key"] = key);

        (await connect.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("403");
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("api_key")]
    public async Task Other_endpoints_refuse_credentials_in_the_query_string(string parameter)
    {
        using var response = await _client.GetAsync($"/v1/users/me?{parameter}={Uri.EscapeDataString(_account.AccessToken)}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("detail").GetString().Should().Contain("query string");
        problem.RootElement.GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task An_api_key_in_the_query_string_is_refused_on_the_hub_too()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _account, SessionsRead);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ws/negotiate?negotiateVersion=1&api_key=" + Uri.EscapeDataString(key));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _account.AccessToken);

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<Guid> FindKeyIdAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys").AuthorizeAs(_account);
        using var response = await _client.SendAsync(request);
        var items = (await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK)).GetProperty("items");
        return items.EnumerateArray().Single(k => key.StartsWith("mpk_" + k.GetProperty("prefix").GetString() + "_", StringComparison.Ordinal)).GetProperty("id").GetGuid();
    }
}
