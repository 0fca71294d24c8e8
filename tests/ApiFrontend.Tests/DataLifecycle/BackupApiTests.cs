using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;

namespace MindPeeker.ApiFrontend.Tests.DataLifecycle;

public sealed class BackupApiTests(DataLifecycleFixture fixture) : IClassFixture<DataLifecycleFixture>
{
    /// <summary>Tables whose content the round trip compares: the customer data (audit and grain state keep changing as the test acts).</summary>
    private static readonly string[] DataTables =
        ["users", "refresh_tokens", "api_keys", "sessions", "analysis_results", "session_events", "webhook_endpoints", "webhook_events", "webhook_deliveries", "integrations"];

    [Fact]
    public async Task Backup_wipe_restore_brings_back_every_table_byte_for_byte_and_the_api_answers_the_same()
    {
        var owner = await fixture.RegisterAsync("backup-owner");
        using var client = fixture.ClientFor(owner);
        var session = (await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: "Where did the backup tape go?"))).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, session);
        var apiKey = await TestAccounts.CreateApiKeyAsync(client, owner, new[] { new { resource = "sessions", actions = new[] { "read" } } });
        await DataLifecycleFixture.CreateWebhookAsync(client, "backed up");
        var before = await SnapshotAsync(client, session);
        using var admin = fixture.ClientFor(fixture.Admin);

        var backup = await CreateBackupAsync(admin);
        await WipeAsync();
        (await CountAsync("users")).Should().Be(0, "the wipe emptied the database");
        using var restore = await admin.PostAsync(new Uri($"/v1/admin/backups/{backup.GetProperty("id").GetString()}/restore", UriKind.Relative), null);
        var restored = await TestAccounts.ReadDataAsync(restore, HttpStatusCode.OK);
        var after = await CreateBackupAsync(admin);

        restored.GetProperty("restart_required").GetBoolean().Should().BeTrue();
        Checksums(after).Should().BeEquivalentTo(Checksums(backup));
        Checksums(backup)["users"].Rows.Should().BeGreaterThanOrEqualTo(2);
        Checksums(backup)["analysis_results"].Rows.Should().BeGreaterThan(0, "the completed session's results were backed up");
        (await SnapshotAsync(client, session)).Should().Be(before);
        using var byKey = fixture.Anonymous().WithApiKey(apiKey);
        (await byKey.GetAsync(new Uri($"/v1/sessions/{session}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var login = await fixture.Anonymous().PostAsJsonAsync("/v1/auth/login", new { email = owner.Email, password = owner.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, "the restored password hash still verifies");
        using var audit = await admin.GetAsync(new Uri("/v1/admin/audit?action=backup.*&limit=100", UriKind.Relative));
        (await TestAccounts.ReadDataAsync(audit, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).Should().Contain(["backup.created", "backup.restored"]);
    }

    [Fact]
    public async Task A_backup_with_one_flipped_byte_is_refused_with_a_problem_and_the_database_is_untouched()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var backup = await CreateBackupAsync(admin);
        var id = backup.GetProperty("id").GetString()!;
        await fixture.RegisterAsync("after-the-backup");
        var users = await CountAsync("users");
        var path = Path.Combine(fixture.BackupDirectory, id + ".mpbackup");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        using var response = await admin.PostAsync(new Uri($"/v1/admin/backups/{id}/restore", UriKind.Relative), null);

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().Contain("failed authentication").And.Contain("Nothing was restored");
        (await CountAsync("users")).Should().Be(users, "a refused restore leaves the database as it was");
    }

    [Fact]
    public async Task Backups_are_listed_newest_first_kept_to_the_retention_count_and_deleted_on_request()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var created = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await CreateBackupAsync(admin)).GetProperty("id").GetString()!);
        }

        var listed = (await DataLifecycleFixture.GetDataAsync(admin, "/v1/admin/backups")).GetProperty("items").EnumerateArray()
            .Select(b => b.GetProperty("id").GetString()!).ToList();
        listed.Should().Equal(created[3], created[2], created[1]);
        Directory.GetFiles(fixture.BackupDirectory, "*.mpbackup").Should().HaveCount(3, "retention deleted the oldest file");

        (await admin.DeleteAsync(new Uri($"/v1/admin/backups/{created[1]}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var again = await admin.DeleteAsync(new Uri($"/v1/admin/backups/{created[1]}", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(again, HttpStatusCode.NotFound);
        using var unknown = await admin.PostAsync(new Uri("/v1/admin/backups/bk_19700101T000000000Z_00000000/restore", UriKind.Relative), null);
        await SessionRequests.ReadProblemAsync(unknown, HttpStatusCode.NotFound);
        using var traversal = await admin.PostAsync(new Uri("/v1/admin/backups/..%2F..%2Fetc/restore", UriKind.Relative), null);
        ((int)traversal.StatusCode).Should().BeOneOf(404, 422);
    }

    [Fact]
    public async Task Only_admins_reach_the_backup_api()
    {
        var user = await fixture.RegisterAsync("not-admin");
        using var client = fixture.ClientFor(user);

        using var list = await client.GetAsync(new Uri("/v1/admin/backups", UriKind.Relative));
        using var create = await client.PostAsync(new Uri("/v1/admin/backups", UriKind.Relative), null);

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> CreateBackupAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync(new Uri("/v1/admin/backups", UriKind.Relative), null);
        var backup = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        backup.GetProperty("id").GetString().Should().StartWith("bk_");
        backup.GetProperty("size_bytes").GetInt64().Should().BeGreaterThan(0);
        return backup;
    }

    private static Dictionary<string, (long Rows, string Sha256)> Checksums(JsonElement backup) =>
        backup.GetProperty("tables").EnumerateArray()
            .Where(t => DataTables.Contains(t.GetProperty("name").GetString()))
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => (t.GetProperty("rows").GetInt64(), t.GetProperty("sha256").GetString()!));

    private static async Task<string> SnapshotAsync(HttpClient client, Guid session)
    {
        var parts = new List<string>();
        foreach (var path in new[] { $"/v1/sessions/{session}", $"/v1/sessions/{session}/results", "/v1/api-keys", "/v1/webhooks", "/v1/users/me" })
        {
            parts.Add((await DataLifecycleFixture.GetDataAsync(client, path)).GetRawText());
        }

        return string.Join("\n", parts);
    }

    private async Task WipeAsync()
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            $"TRUNCATE {string.Join(", ", DataTables)}, audit_log, idempotency_records RESTART IDENTITY CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string table)
    {
        await using var command = fixture.Database.DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
