using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;

namespace MindPeeker.ApiFrontend.Tests.DataLifecycle;

public sealed class UserDataApiTests(DataLifecycleFixture fixture) : IClassFixture<DataLifecycleFixture>
{
    private static readonly object[] ReadSessions = [new { resource = "sessions", actions = new[] { "read" } }];

    [Fact]
    public async Task Export_returns_every_kind_of_the_users_data_without_any_secret_and_is_audited()
    {
        var owner = await fixture.RegisterAsync("export");
        using var client = fixture.ClientFor(owner);
        var session = (await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: "Export me"))).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, session);
        var apiKey = await TestAccounts.CreateApiKeyAsync(client, owner, ReadSessions);
        var webhook = await DataLifecycleFixture.CreateWebhookAsync(client, "exported hook");

        using var response = await client.GetAsync(new Uri("/v1/users/me/export", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        var export = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);

        export.GetProperty("user").GetProperty("email").GetString().Should().Be(owner.Email);
        export.GetProperty("exported_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var exportedSession = export.GetProperty("sessions").EnumerateArray().Single();
        exportedSession.GetProperty("id").GetGuid().Should().Be(session);
        exportedSession.GetProperty("results").GetArrayLength().Should().BeGreaterThan(0);
        exportedSession.GetProperty("events").GetArrayLength().Should().BeGreaterThan(0);
        export.GetProperty("api_keys").EnumerateArray().Single().GetProperty("prefix").GetString().Should().NotBeNullOrEmpty();
        export.GetProperty("webhooks").EnumerateArray().Single().GetProperty("id").GetGuid().Should().Be(webhook);
        export.GetProperty("integrations").GetArrayLength().Should().Be(0);
        export.GetProperty("audit_log").EnumerateArray().Select(a => a.GetProperty("action").GetString()).Should().Contain("auth.register");
        raw.Should().NotContain("password_hash").And.NotContain("secret_hash").And.NotContain("whsec_").And.NotContain("secret_ciphertext")
            .And.NotContain(apiKey.Split('_')[^1], "the API key's secret is never exported");

        using var byKey = fixture.Anonymous().WithApiKey(apiKey);
        using var viaKey = await byKey.GetAsync(new Uri("/v1/users/me/export", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(viaKey, HttpStatusCode.Forbidden);
        using var admin = fixture.ClientFor(fixture.Admin);
        var byAdmin = await DataLifecycleFixture.GetDataAsync(admin, $"/v1/admin/users/{owner.UserId}/export");
        byAdmin.GetProperty("user").GetProperty("id").GetGuid().Should().Be(owner.UserId);
        var audit = await DataLifecycleFixture.GetDataAsync(admin, $"/v1/admin/audit?action=user.exported&resource=user:{owner.UserId}");
        audit.GetProperty("items").GetArrayLength().Should().Be(2, "both exports are audited");
    }

    [Fact]
    public async Task Erasing_oneself_needs_the_password_then_removes_everything_and_the_api_key_stops_at_once()
    {
        var owner = await fixture.RegisterAsync("erase-me");
        using var client = fixture.ClientFor(owner);
        var session = (await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: "Forget me"))).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, session);
        var apiKey = await TestAccounts.CreateApiKeyAsync(client, owner, ReadSessions);
        await DataLifecycleFixture.CreateWebhookAsync(client, "erased hook");
        using var byKey = fixture.Anonymous().WithApiKey(apiKey);
        (await byKey.GetAsync(new Uri("/v1/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the key works before erasure");

        using var wrong = await EraseMeAsync(client, "not my password");
        await SessionRequests.ReadProblemAsync(wrong, HttpStatusCode.Forbidden);
        using var missing = await EraseMeAsync(client, null);
        await SessionRequests.ReadProblemAsync(missing, HttpStatusCode.BadRequest);
        using var viaKey = await EraseMeAsync(byKey, owner.Password);
        await SessionRequests.ReadProblemAsync(viaKey, HttpStatusCode.Forbidden);
        (await CountAsync("users", owner.UserId)).Should().Be(1, "refused erasures change nothing");

        using var erased = await EraseMeAsync(client, owner.Password);
        erased.StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await byKey.GetAsync(new Uri("/v1/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var refresh = await fixture.Anonymous().PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = owner.RefreshToken });
        refresh.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var login = await fixture.Anonymous().PostAsJsonAsync("/v1/auth/login", new { email = owner.Email, password = owner.Password });
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreach (var table in new[] { "users", "sessions", "api_keys", "webhook_endpoints", "refresh_tokens" })
        {
            (await CountAsync(table, owner.UserId)).Should().Be(0, $"{table} holds nothing of the erased user");
        }

        using var admin = fixture.ClientFor(fixture.Admin);
        using var exportGone = await admin.GetAsync(new Uri($"/v1/admin/users/{owner.UserId}/export", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(exportGone, HttpStatusCode.NotFound);
        var entries = (await DataLifecycleFixture.GetDataAsync(admin, $"/v1/admin/audit?resource=user:{owner.UserId}&limit=100"))
            .GetProperty("items").EnumerateArray().ToList();
        var tombstone = entries.Single(e => e.GetProperty("action").GetString() == "user.erased");
        tombstone.GetProperty("ip").ValueKind.Should().Be(JsonValueKind.Null);
        tombstone.GetProperty("details").EnumerateObject().Should().BeEmpty();
        entries.Where(e => e.GetProperty("action").GetString() != "user.erased")
            .Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("ip").ValueKind == JsonValueKind.Null, "past entries are pseudonymised");
        JsonSerializer.Serialize(entries).Should().NotContain(owner.Email).And.NotContain(owner.Username);
    }

    [Fact]
    public async Task An_admin_erases_another_user_and_their_api_key_is_refused_right_after()
    {
        var victim = await fixture.RegisterAsync("erased-by-admin");
        using var client = fixture.ClientFor(victim);
        var apiKey = await TestAccounts.CreateApiKeyAsync(client, victim, ReadSessions);
        await DataLifecycleFixture.CreateWebhookAsync(client, "to go");
        using var byKey = fixture.Anonymous().WithApiKey(apiKey);
        (await byKey.GetAsync(new Uri("/v1/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var admin = fixture.ClientFor(fixture.Admin);

        using var response = await admin.DeleteAsync(new Uri($"/v1/admin/users/{victim.UserId}", UriKind.Relative));
        var report = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);

        report.GetProperty("api_keys").GetInt32().Should().Be(1);
        report.GetProperty("webhooks").GetInt32().Should().Be(1);
        (await byKey.GetAsync(new Uri("/v1/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.GetAsync(new Uri("/v1/users/me", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var again = await admin.DeleteAsync(new Uri($"/v1/admin/users/{victim.UserId}", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(again, HttpStatusCode.NotFound);
        var audit = await DataLifecycleFixture.GetDataAsync(admin, $"/v1/admin/audit?action=user.erased&resource=user:{victim.UserId}");
        audit.GetProperty("items")[0].GetProperty("actor_user_id").GetGuid().Should().Be(fixture.Admin.UserId);
    }

    [Fact]
    public async Task Ordinary_users_cannot_reach_another_users_data_through_the_admin_routes()
    {
        var user = await fixture.RegisterAsync("curious");
        var other = await fixture.RegisterAsync("private");
        using var client = fixture.ClientFor(user);

        using var export = await client.GetAsync(new Uri($"/v1/admin/users/{other.UserId}/export", UriKind.Relative));
        using var erase = await client.DeleteAsync(new Uri($"/v1/admin/users/{other.UserId}", UriKind.Relative));

        export.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        erase.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CountAsync("users", other.UserId)).Should().Be(1);
    }

    private static Task<HttpResponseMessage> EraseMeAsync(HttpClient client, string? password) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/v1/users/me") { Content = JsonContent.Create(new { password }) });

    private async Task<long> CountAsync(string table, Guid userId)
    {
        var column = table == "users" ? "id" : "user_id";
        await using var command = fixture.Database.DataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE {column} = $1");
        command.Parameters.AddWithValue(userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
