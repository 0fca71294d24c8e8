using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>Access tokens and API keys expire on the server's clock (a fake one here, moved by the test).</summary>
public sealed class CredentialExpiryTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<MindPeeker.Silo.Program> _factory = null!;
    private HttpClient _client = null!;
    private TestAccount _account = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_time)));
        _client = _factory.CreateClient();
        _account = await TestAccounts.RegisterAsync(_client, "clock");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_access_token_is_accepted_for_its_15_minutes_plus_the_skew_then_refused()
    {
        (await MeStatusAsync()).Should().Be(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(29));
        (await MeStatusAsync()).Should().Be(HttpStatusCode.OK, "30 s of clock skew are tolerated");

        _time.Advance(TimeSpan.FromSeconds(2));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me").AuthorizeAs(_account);
        using var expired = await _client.SendAsync(request);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
        (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task An_api_key_stops_working_when_it_expires()
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = "short-lived", permissions = ApiKeySecurityTests.AllKeyRights, expires_at = _time.GetUtcNow().AddMinutes(10) }),
        }.AuthorizeAs(_account);
        using var created = await _client.SendAsync(create);
        var key = (await TestAccounts.ReadDataAsync(created, HttpStatusCode.Created)).GetProperty("key").GetString()!;
        (await ListStatusAsync(key)).Should().Be(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromMinutes(10));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys").WithApiKey(key);
        using var expired = await _client.SendAsync(request);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("expired");
    }

    private async Task<HttpStatusCode> MeStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me").AuthorizeAs(_account);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> ListStatusAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/api-keys").WithApiKey(key);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }
}
