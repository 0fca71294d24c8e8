using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.ApiFrontend.Tests.Identity;

public sealed class TokenLifecycleTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private const string AdminEmail = "root@example.com";

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString, new Dictionary<string, string?> { ["Identity:AdminEmails:0"] = AdminEmail });
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_whole_family()
    {
        var account = await TestAccounts.RegisterAsync(_client, "rotate");

        using var first = await RefreshAsync(account.RefreshToken);
        var rotated = await TestAccounts.ReadDataAsync(first, HttpStatusCode.OK);
        var second = rotated.GetProperty("refresh_token").GetString()!;
        second.Should().NotBe(account.RefreshToken);
        rotated.GetProperty("expires_in").GetInt32().Should().Be(900);
        (await GetMeAsync(rotated.GetProperty("token").GetString()!)).Should().Be(HttpStatusCode.OK);

        using var reuse = await RefreshAsync(account.RefreshToken);
        reuse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var newest = await RefreshAsync(second);
        newest.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "reuse of a spent token revokes the newest token of its family too");
        (await CountAuditAsync("auth.refresh_reuse_detected", account.UserId)).Should().Be(1);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_other_logins_keep_working()
    {
        var account = await TestAccounts.RegisterAsync(_client, "logout");
        using var login = await _client.PostAsJsonAsync("/v1/auth/login", new { email = account.Email, password = account.Password });
        var otherSession = (await TestAccounts.ReadDataAsync(login, HttpStatusCode.OK)).GetProperty("refresh_token").GetString()!;

        using var logout = await _client.PostAsJsonAsync("/v1/auth/logout", new { refresh_token = account.RefreshToken });
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var afterLogout = await RefreshAsync(account.RefreshToken);
        afterLogout.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var other = await RefreshAsync(otherSession);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Garbage_refresh_tokens_answer_401_problem_json()
    {
        using var forged = await RefreshAsync($"mprt_{Guid.NewGuid():N}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}");
        using var junk = await RefreshAsync("definitely-not-a-token");

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        junk.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        junk.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task The_jwks_keys_verify_an_issued_token_with_the_contract_claims()
    {
        var account = await TestAccounts.RegisterAsync(_client, "jwks");
        var jwks = await _client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(account.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "mindpeeker-auth",
            ValidAudience = "mindpeeker-api",
            IssuerSigningKeys = Keys(jwks),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        result.IsValid.Should().BeTrue(result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        token.Alg.Should().Be("RS256");
        token.Kid.Should().NotBeNullOrEmpty();
        token.Subject.Should().Be(account.UserId.ToString());
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromMinutes(15));
        token.GetClaim("tier").Value.Should().Be("basic");
        token.Claims.Where(c => c.Type == "permissions").Select(c => c.Value).Should().Contain("sessions:*").And.NotContain("*:*");
    }

    [Fact]
    public async Task An_admin_email_registers_as_admin_and_rotation_keeps_old_tokens_valid_while_new_ones_use_the_new_key()
    {
        using var register = await _client.PostAsJsonAsync("/v1/auth/register", new { email = AdminEmail, username = "root", password = TestAccounts.Password });
        var admin = await TestAccounts.ReadDataAsync(register, HttpStatusCode.Created);
        admin.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user", "admin");
        var oldToken = admin.GetProperty("token").GetString()!;
        var oldKid = new JsonWebToken(oldToken).Kid;

        using var rotate = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/signing-keys/rotate");
        rotate.Headers.Authorization = new("Bearer", oldToken);
        using var rotated = await _client.SendAsync(rotate);
        var ring = await TestAccounts.ReadDataAsync(rotated, HttpStatusCode.OK);
        var newKid = ring.GetProperty("active_key_id").GetString()!;

        newKid.Should().NotBe(oldKid);
        var jwks = await _client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().Contain([oldKid, newKid]);
        (await GetMeAsync(oldToken)).Should().Be(HttpStatusCode.OK);
        using var login = await _client.PostAsJsonAsync("/v1/auth/login", new { email = AdminEmail, password = TestAccounts.Password });
        var fresh = (await TestAccounts.ReadDataAsync(login, HttpStatusCode.OK)).GetProperty("token").GetString()!;
        new JsonWebToken(fresh).Kid.Should().Be(newKid);
        (await GetMeAsync(fresh)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_without_the_admin_role_cannot_rotate_keys()
    {
        var account = await TestAccounts.RegisterAsync(_client, "notadmin");
        using var rotate = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/signing-keys/rotate").AuthorizeAs(account);

        using var response = await _client.SendAsync(rotate);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Insufficient permissions");
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _client.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = refreshToken });

    private async Task<HttpStatusCode> GetMeAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me");
        request.Headers.Authorization = new("Bearer", accessToken);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<long> CountAuditAsync(string action, Guid userId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE action = $1 AND actor_user_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = action });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<SecurityKey> Keys(JsonElement jwks) =>
        [.. jwks.GetProperty("keys").EnumerateArray().Select(k => (SecurityKey)new RsaSecurityKey(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(k.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(k.GetProperty("e").GetString()),
        }) { KeyId = k.GetProperty("kid").GetString() })];
}
