using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.ApiFrontend.Tests.Identity;

public sealed class RegistrationAndLoginTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
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
    public async Task Register_answers_201_with_tokens_and_the_profile_that_me_returns()
    {
        using var response = await _client.PostAsJsonAsync("/v1/auth/register", new
        {
            email = "ada@example.com",
            username = "ada",
            password = TestAccounts.Password,
        });

        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        data.GetProperty("token_type").GetString().Should().Be("Bearer");
        data.GetProperty("expires_in").GetInt32().Should().Be(900);
        data.GetProperty("refresh_token").GetString().Should().StartWith("mprt_");
        var user = data.GetProperty("user");
        user.GetProperty("email").GetString().Should().Be("ada@example.com");
        user.GetProperty("tier").GetString().Should().Be("basic");
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user");
        user.TryGetProperty("password_hash", out _).Should().BeFalse();

        using var me = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", data.GetProperty("token").GetString());
        using var meResponse = await _client.SendAsync(me);
        var profile = await TestAccounts.ReadDataAsync(meResponse, HttpStatusCode.OK);
        profile.GetProperty("id").GetGuid().Should().Be(user.GetProperty("id").GetGuid());
        profile.GetProperty("username").GetString().Should().Be("ada");
        profile.GetProperty("created_at").GetDateTimeOffset().Should().Be(user.GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Register_with_invalid_fields_answers_400_with_an_error_per_field()
    {
        using var response = await _client.PostAsJsonAsync("/v1/auth/register", new { email = "not-an-email", username = "ab", password = "short" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("success").GetBoolean().Should().BeFalse();
        problem.GetProperty("requestId").GetString().Should().StartWith("req_");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("email", out _).Should().BeTrue();
        errors.TryGetProperty("username", out _).Should().BeTrue();
        errors.GetProperty("password")[0].GetString().Should().Contain("12");
    }

    [Fact]
    public async Task Registering_a_taken_email_or_username_answers_409_with_one_message_for_both()
    {
        var first = await TestAccounts.RegisterAsync(_client, "taken");

        using var sameEmail = await _client.PostAsJsonAsync("/v1/auth/register", new { email = first.Email.ToUpperInvariant(), username = "someone_else", password = TestAccounts.Password });
        using var sameName = await _client.PostAsJsonAsync("/v1/auth/register", new { email = "other@example.com", username = first.Username, password = TestAccounts.Password });

        sameEmail.StatusCode.Should().Be(HttpStatusCode.Conflict);
        sameName.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var emailDetail = (await sameEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        var nameDetail = (await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        emailDetail.Should().Be(nameDetail);
    }

    [Fact]
    public async Task Login_accepts_the_email_or_the_username_and_a_wrong_password_gets_the_same_answer_as_an_unknown_email()
    {
        var account = await TestAccounts.RegisterAsync(_client, "login");

        using var byEmail = await _client.PostAsJsonAsync("/v1/auth/login", new { email = account.Email, password = account.Password });
        using var byName = await _client.PostAsJsonAsync("/v1/auth/login", new { username = account.Username, password = account.Password });
        using var wrongPassword = await _client.PostAsJsonAsync("/v1/auth/login", new { email = account.Email, password = "wrong password here" });
        using var unknownEmail = await _client.PostAsJsonAsync("/v1/auth/login", new { email = "nobody@example.com", password = "wrong password here" });

        (await TestAccounts.ReadDataAsync(byEmail, HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetGuid().Should().Be(account.UserId);
        (await TestAccounts.ReadDataAsync(byName, HttpStatusCode.OK)).GetProperty("token").GetString().Should().NotBeNullOrEmpty();
        wrongPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknownEmail.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await WithoutRequestIdAsync(wrongPassword)).Should().Be(await WithoutRequestIdAsync(unknownEmail));
    }

    [Fact]
    public async Task Logins_registrations_and_failures_leave_audit_rows_without_secrets()
    {
        var account = await TestAccounts.RegisterAsync(_client, "audited");
        using var ok = await _client.PostAsJsonAsync("/v1/auth/login", new { email = account.Email, password = account.Password });
        using var failed = await _client.PostAsJsonAsync("/v1/auth/login", new { email = account.Email, password = "not the password" });

        await using var command = database.DataSource.CreateCommand(
            "SELECT action, actor_user_id, details::text FROM audit_log WHERE actor_user_id = $1 OR details ->> 'login' = $2 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = account.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.Email });
        var rows = new List<(string Action, string Details)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(2)));
            }
        }

        rows.Select(r => r.Action).Should().Equal("auth.register", "auth.login", "auth.login_failed");
        rows.Should().OnlyContain(r => !r.Details.Contains(account.Password, StringComparison.Ordinal) && !r.Details.Contains("not the password", StringComparison.Ordinal));
    }

    private static async Task<string> WithoutRequestIdAsync(HttpResponseMessage response)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        body.Remove("requestId");
        body.Remove("trace_id");
        return JsonSerializer.Serialize(body);
    }
}
