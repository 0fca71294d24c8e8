using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>Bad input gets a clear problem+json 4xx, never a 500 and never a silent pass.</summary>
public sealed class RequestHardeningTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString);
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_protected_route_without_credentials_answers_401_problem_json()
    {
        using var response = await _client.GetAsync("/v1/api-keys");

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
    }

    [Theory]
    [InlineData("Authorization", "Bearer not.a.jwt")]
    [InlineData("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    [InlineData("X-API-Key", "mpk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("X-API-Key", "garbage")]
    public async Task Garbage_credentials_answer_401_problem_json(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _client.SendAsync(request);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_not_accepted()
    {
        var account = await TestAccounts.RegisterAsync(_client, "query");
        var key = await TestAccounts.CreateApiKeyAsync(_client, account, new[] { new { resource = "api-keys", actions = new[] { "read" } } });

        using var response = await _client.GetAsync($"/v1/api-keys?api_key={Uri.EscapeDataString(key)}&access_token={Uri.EscapeDataString(account.AccessToken)}");

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_json()
    {
        using var content = new StringContent("{\"email\": \"a@example.com\", ", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/v1/auth/login", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_json_body_of_the_wrong_shape_answers_400_problem_json()
    {
        using var content = new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/v1/auth/register", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_answers_413_problem_json()
    {
        var huge = new string('a', (1024 * 1024) + 1);
        using var content = new StringContent($"{{\"email\":\"{huge}\"}}", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/v1/auth/login", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("success").GetBoolean().Should().BeFalse();
        problem.GetProperty("requestId").GetString().Should().Be(response.Headers.GetValues("X-Request-Id").Single());
    }
}
