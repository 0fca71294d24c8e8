using System.Security.Cryptography;
using System.Text.Json;
using MindPeeker.Grains.DataLifecycle;
using MindPeeker.Grains.Tests.Identity;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.DataLifecycle;

/// <summary>
/// <c>backup create|list|verify|restore|delete</c> run in-process against a real database migrated by a real silo, the
/// way <c>dotnet MindPeeker.Silo.dll backup …</c> runs them (no silo running during the backup commands).
/// </summary>
public sealed class BackupCommandLineTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mp-cli-backups-" + Guid.NewGuid().ToString("N"));
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (await IdentitySilo.StartAsync(_database))
        {
            // Started only to apply the migrations.
        }

        await ExecuteAsync("""
            INSERT INTO users (id, email, username, password_hash) VALUES ('11111111-1111-1111-1111-111111111111', 'a@example.com', 'alice', 'x');
            INSERT INTO audit_log (occurred_at, actor_user_id, action) VALUES (now(), '11111111-1111-1111-1111-111111111111', 'auth.register');
            INSERT INTO audit_log (occurred_at, actor_user_id, action) VALUES (now(), '11111111-1111-1111-1111-111111111111', 'auth.login');
            INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, permissions, created_at)
              VALUES (gen_random_uuid(), '11111111-1111-1111-1111-111111111111', 'k', 'abc', '\x00', '[]', now());
            """);
    }

    [Fact]
    public async Task Create_list_wipe_restore_round_trips_rows_and_identity_sequences()
    {
        var (created, output, _) = await RunAsync("create");
        created.Should().Be(0);
        var backup = JsonDocument.Parse(output).RootElement;
        var id = backup.GetProperty("id").GetString()!;
        var tables = backup.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt64());
        tables["users"].Should().Be(1);
        tables["audit_log"].Should().Be(2);
        tables.Keys.Should().NotContain(["schema_migrations", "cluster_membership", "grain_directory"]);
        (await RunAsync("list")).Output.Should().Contain(id).And.Contain("rows in");
        (await RunAsync("verify", id)).Code.Should().Be(0);

        await ExecuteAsync("TRUNCATE users, audit_log RESTART IDENTITY CASCADE");
        var (restored, restoreOutput, _) = await RunAsync("restore", id);

        restored.Should().Be(0);
        restoreOutput.Should().Contain("Restart the silos");
        (await ScalarAsync("SELECT count(*) FROM users")).Should().Be(1L);
        (await ScalarAsync("SELECT count(*) FROM api_keys")).Should().Be(1L);
        (await ScalarAsync("SELECT max(id) FROM audit_log")).Should().Be(2L);
        (await ScalarAsync("INSERT INTO audit_log (occurred_at, action) VALUES (now(), 'after.restore') RETURNING id")).Should().Be(3L,
            "the identity sequence continues after the restored ids");
        var (_, again, _) = await RunAsync("create");
        var checksums = JsonDocument.Parse(again).RootElement.GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString() is "users" or "api_keys")
            .Select(t => t.GetProperty("sha256").GetString());
        checksums.Should().Equal(backup.GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString() is "users" or "api_keys")
            .Select(t => t.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task A_truncated_extended_or_foreign_key_backup_is_refused_before_the_database_is_touched()
    {
        var (_, output, _) = await RunAsync("create");
        var id = JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
        var path = Path.Combine(_directory, id + ".mpbackup");
        var original = await File.ReadAllBytesAsync(path);
        await ExecuteAsync("INSERT INTO users (email, username, password_hash) VALUES ('late@example.com', 'late', 'x')");

        await File.WriteAllBytesAsync(path, original[..^1]);
        var truncated = await RunAsync("restore", id);
        await File.WriteAllBytesAsync(path, [.. original, .. original[^40..]]);
        var extended = await RunAsync("restore", id);
        await File.WriteAllBytesAsync(path, original);
        var foreignKey = await RunAsync(["restore", id], Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        truncated.Code.Should().Be(1);
        truncated.Error.Should().Contain("Refused");
        extended.Code.Should().Be(1);
        foreignKey.Code.Should().Be(1);
        foreignKey.Error.Should().Contain("failed authentication");
        (await ScalarAsync("SELECT count(*) FROM users")).Should().Be(2L, "no refused restore touched the database");
        (await RunAsync("restore", id)).Code.Should().Be(0, "the intact file still restores");
        (await ScalarAsync("SELECT count(*) FROM users")).Should().Be(1L);
    }

    [Fact]
    public async Task Usage_errors_and_unknown_ids_have_their_own_exit_codes()
    {
        (await RunAsync("restore")).Code.Should().Be(2);
        (await RunAsync("shred")).Code.Should().Be(2);
        (await RunAsync("restore", "bk_19700101T000000000Z_00000000")).Code.Should().Be(1);
        var malformed = await RunAsync("restore", "../../etc/passwd");
        malformed.Code.Should().Be(1);
        malformed.Error.Should().Contain("not a backup id");
        (await RunAsync("delete", "bk_19700101T000000000Z_00000000")).Code.Should().Be(1);
        var unreachable = await BackupCommandLine.RunAsync(
            ["backup", "list", "--ConnectionStrings:MindPeeker=Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", $"--Integrations:Credentials:MasterKeys:1={_masterKey}"],
            TextWriter.Null,
            TextWriter.Null);
        unreachable.Should().Be(0, "list reads only the backup directory");
        using var error = new StringWriter();
        (await BackupCommandLine.RunAsync(
            ["backup", "create", "--ConnectionStrings:MindPeeker=Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", $"--Integrations:Credentials:MasterKeys:1={_masterKey}", $"--Backups:Directory={_directory}"],
            TextWriter.Null,
            error)).Should().Be(1);
        error.ToString().Should().Contain("The database failed");
        BackupCommandLine.Matches(["backup", "list"]).Should().BeTrue();
        BackupCommandLine.Matches(["--role", "cpu"]).Should().BeFalse();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] verbAndId) => RunAsync(verbAndId, _key);

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] verbAndId, string key)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "backup", .. verbAndId,
            $"--ConnectionStrings:MindPeeker={_database.ConnectionString}",
            $"--Backups:Directory={_directory}",
            $"--Backups:EncryptionKey={key}",
            $"--Integrations:Credentials:MasterKeys:1={_masterKey}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var code = await BackupCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
