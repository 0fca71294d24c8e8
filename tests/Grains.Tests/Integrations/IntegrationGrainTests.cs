using System.Security.Cryptography;
using System.Text;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Integrations;

public sealed class IntegrationGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private readonly byte[] _key = IntegrationSilo.NewKey();
    private IntegrationSilo _silo = null!;
    private FakePlatform _platform = null!;
    private Guid _owner;

    public async Task InitializeAsync()
    {
        _platform = await FakePlatform.StartAsync();
        _silo = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [1] = _key });
        _owner = await database.CreateUserAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task Credentials_are_stored_only_encrypted_and_no_row_log_or_audit_entry_holds_them()
    {
        var id = Guid.NewGuid();
        const string secret = "nvapi-plaintext-must-never-be-stored-4711";

        var created = await _silo.Integration(id).Create(IntegrationCommands.OpenAi(_owner, _platform, apiKey: secret));
        await _silo.Integration(id).Test(new IntegrationCaller(_owner));

        created.Value!.CredentialFields.Should().Equal("api_key");
        var stored = await database.EverythingStoredAboutAsync(id);
        stored.Should().NotContain(secret).And.NotContain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret)));
        var (envelope, version) = await database.CredentialsAsync(id);
        version.Should().Be(1);
        envelope!.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1);
        new SecretCipher(new MasterKeyRing(new Dictionary<int, byte[]> { [1] = _key })).Decrypt(SecretPurpose.IntegrationCredentials, id, envelope)
            .Should().Equal(Encoding.UTF8.GetBytes($"{{\"api_key\":\"{secret}\"}}"), "the row decrypts with the master key, and only with it");
    }

    [Fact]
    public async Task A_connection_test_calls_the_providers_model_list_with_the_decrypted_key()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.OpenAi(_owner, _platform));

        var reply = await _silo.Integration(id).Test(new IntegrationCaller(_owner));

        reply.Value!.Success.Should().BeTrue(reply.Value.Error);
        reply.Value.StatusCode.Should().Be(200);
        reply.Value.Models.Should().Equal(_platform.Models);
        (await _platform.WaitForAsync("/v1/models", 1)).Last().Headers["Authorization"].Should().Be($"Bearer {_platform.ApiKey}");
        (await _silo.Integration(id).Health(new IntegrationCaller(_owner)))!.Status.Should().Be(IntegrationHealth.Healthy);
    }

    [Fact]
    public async Task A_rejected_key_or_a_missing_model_fails_the_test_and_degrades_health_until_unhealthy()
    {
        var wrongKey = Guid.NewGuid();
        var missingModel = Guid.NewGuid();
        var caller = new IntegrationCaller(_owner);
        await _silo.Integration(wrongKey).Create(IntegrationCommands.OpenAi(_owner, _platform, apiKey: "sk-wrong"));
        var command = IntegrationCommands.OpenAi(_owner, _platform);
        await _silo.Integration(missingModel).Create(command with
        {
            Configuration = IntegrationCommands.Json(new { base_url = _platform.BaseUrl + "/v1", models = new[] { "no/such-model" } }),
        });

        var rejected = await _silo.Integration(wrongKey).Test(caller);
        await _silo.Integration(wrongKey).Test(caller);
        await _silo.Integration(wrongKey).Test(caller);
        var missing = await _silo.Integration(missingModel).Test(caller);

        rejected.Value!.Success.Should().BeFalse();
        rejected.Value.StatusCode.Should().Be(401);
        rejected.Value.Error.Should().Contain("401").And.NotContain("sk-wrong");
        missing.Value!.Error.Should().Contain("no/such-model");
        (await _silo.Integration(missingModel).Health(caller))!.Status.Should().Be(IntegrationHealth.Degraded);
        var health = await _silo.Integration(wrongKey).Health(caller);
        health!.Status.Should().Be(IntegrationHealth.Unhealthy);
        health.ConsecutiveFailures.Should().Be(3);
    }

    [Fact]
    public async Task A_webhook_test_posts_a_signed_ping_with_the_bearer_token()
    {
        var id = Guid.NewGuid();
        var credentials = new Dictionary<string, string> { ["secret"] = "hook-secret", ["token"] = "hook-token" };
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(_owner, _platform, "signed", credentials: credentials));

        var reply = await _silo.Integration(id).Test(new IntegrationCaller(_owner));

        reply.Value!.Success.Should().BeTrue(reply.Value.Error);
        var ping = (await _platform.WaitForAsync("/hooks/signed", 1)).Single();
        ping.Body.Should().Contain("\"type\":\"integration.test\"").And.Contain(id.ToString());
        ping.Headers["Authorization"].Should().Be("Bearer hook-token");
        ping.Headers["X-MindPeeker-Signature"].Should().Be(
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("hook-secret"), Encoding.UTF8.GetBytes(ping.Body))));
    }

    [Fact]
    public async Task Another_users_integration_answers_as_missing_everywhere()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(_owner, _platform, "private"));
        var stranger = new IntegrationCaller(Guid.NewGuid());

        (await _silo.Integration(id).Get(stranger)).Should().BeNull();
        (await _silo.Integration(id).Test(stranger)).Value.Should().BeNull();
        (await _silo.Integration(id).Update(stranger, new IntegrationChanges(Name: "mine now"))).Value.Should().BeNull();
        (await _silo.Integration(id).Logs(stranger, 10)).Should().BeNull();
        (await _silo.Integration(id).Delete(stranger)).Should().BeFalse();
        (await _silo.Integration(id).Get(new IntegrationCaller(_owner)))!.Name.Should().Be("n8n");
        _platform.Requests.Should().NotContain(r => r.Path == "/hooks/private");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.1.2.3/hook")]
    public async Task A_url_that_resolves_to_a_forbidden_address_is_refused_and_nothing_is_stored(string url)
    {
        var id = Guid.NewGuid();
        var command = IntegrationCommands.Webhook(_owner, _platform, "x") with { Configuration = IntegrationCommands.Json(new { url }) };

        var reply = await _silo.Integration(id).Create(command);

        reply.Value.Should().BeNull();
        reply.Errors!.Keys.Should().Equal("configuration.url");
        (await database.CountAsync("SELECT count(*) FROM integrations WHERE id = @id", id)).Should().Be(0);
    }

    [Fact]
    public async Task Deleting_removes_the_row_its_logs_and_audits_it()
    {
        var id = Guid.NewGuid();
        var caller = new IntegrationCaller(_owner);
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(_owner, _platform, "gone"));
        await _silo.Integration(id).StartSync(caller);
        (await database.CountAsync("SELECT count(*) FROM reminders WHERE grain_id LIKE '%' || @text_id", id)).Should().Be(1);

        (await _silo.Integration(id).Delete(caller)).Should().BeTrue();

        (await database.CountAsync("SELECT count(*) FROM integrations WHERE id = @id", id)).Should().Be(0);
        (await database.CountAsync("SELECT count(*) FROM integration_logs WHERE integration_id = @id", id)).Should().Be(0);
        (await database.CountAsync("SELECT count(*) FROM reminders WHERE grain_id LIKE '%' || @text_id", id)).Should().Be(0);
        (await database.AuditActionsAsync(id)).Should().Equal(AuditActions.IntegrationCreated, AuditActions.IntegrationDeleted);
        (await _silo.Integration(id).Get(caller)).Should().BeNull();
    }

    [Fact]
    public async Task Connect_update_and_disconnect_change_the_status_and_are_audited()
    {
        var id = Guid.NewGuid();
        var caller = new IntegrationCaller(_owner, Ip: "203.0.113.9");
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(_owner, _platform, "audited"));

        var connected = await _silo.Integration(id).Connect(caller);
        var updated = await _silo.Integration(id).Update(caller, new IntegrationChanges(Name: "renamed"));
        var disconnected = await _silo.Integration(id).Disconnect(caller);

        connected.Value!.Status.Should().Be(IntegrationStatus.Connected);
        updated.Value!.Name.Should().Be("renamed");
        disconnected!.Status.Should().Be(IntegrationStatus.Disconnected);
        (await database.AuditActionsAsync(id)).Should().Equal(
            AuditActions.IntegrationCreated, AuditActions.IntegrationConnected, AuditActions.IntegrationUpdated, AuditActions.IntegrationDisconnected);
    }
}
