using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>Master-key rotation and the sealing of pre-0009 plaintext rows, both by the start-up pass, over silo restarts.</summary>
public sealed class WebhookSecretRotationTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly string _oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private WebhookTestReceiver _receiver = null!;
    private Guid _owner;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookTestReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_active_key_re_encrypts_endpoint_secrets_at_start_and_deliveries_still_verify_without_the_old_key()
    {
        WebhookEndpointResult created;
        await using (var before = await StartAsync(new() { ["1"] = _oldKey }))
        {
            _owner = await _database.CreateUserAsync();
            created = await before.Grains.GetGrain<IUserWebhooksGrain>(_owner).Create(
                new WebhookEndpointRequest(_receiver.Url.ToString(), [WebhookEventTypes.SessionCompleted], null, null));
            (await RotationOf(before)).Should().Be(0, "nothing is under an old key yet");
        }

        var id = created.Endpoint!.Id;
        var (_, oldEnvelope, _) = await _database.SecretColumnsAsync(id);
        await using (var rotating = await StartAsync(new() { ["1"] = _oldKey, ["2"] = _newKey }, active: 2))
        {
            (await RotationOf(rotating)).Should().Be(1);
            var (plaintext, envelope, version) = await _database.SecretColumnsAsync(id);
            (plaintext, version).Should().Be(((string?)null, (int?)2));
            SecretCipher.KeyVersionOf(envelope, SecretPurpose.WebhookSigningSecret).Should().Be(2);
            envelope.Should().NotEqual(oldEnvelope);
        }

        await using var after = await StartAsync(new() { ["2"] = _newKey });
        (await RotationOf(after)).Should().Be(0);
        await after.PublishAsync(_owner);

        (await _receiver.WaitForAsync(1)).Should().ContainSingle().Which.ShouldVerifyWith(created.Secret!);
        (await _database.AuditCountAsync(AuditActions.WebhookSecretReencrypted, id)).Should().Be(1);
    }

    [Fact]
    public async Task A_plaintext_row_from_before_encryption_is_sealed_at_start_and_keeps_its_secret()
    {
        await (await StartAsync(new() { ["1"] = _oldKey })).DisposeAsync();
        _owner = await _database.CreateUserAsync();
        var secret = WebhookSecret.Generate().Export();
        var id = await _database.InsertPlaintextEndpointAsync(_owner, _receiver.Url, secret);

        await using var silo = await StartAsync(new() { ["1"] = _oldKey });
        (await RotationOf(silo)).Should().Be(1);

        var (plaintext, envelope, version) = await _database.SecretColumnsAsync(id);
        plaintext.Should().BeNull("the plaintext column keeps no secret once sealed");
        version.Should().Be(1);
        envelope.Should().NotBeNull();
        (await _database.EndpointRowTextAsync(id)).Should().NotContain("whsec_");
        await silo.PublishAsync(_owner);
        (await _receiver.WaitForAsync(1)).Should().ContainSingle().Which.ShouldVerifyWith(secret);
        (await _database.AuditCountAsync(AuditActions.WebhookSecretReencrypted, id)).Should().Be(1);
    }

    private static Task<int> RotationOf(WebhookSilo silo) => silo.Services.GetRequiredService<WebhookSecretRotation>().Completion;

    private Task<WebhookSilo> StartAsync(Dictionary<string, string> keys, int? active = null)
    {
        var configuration = keys.ToDictionary(k => $"Integrations:Credentials:MasterKeys:{k.Key}", k => (string?)k.Value);
        if (active is { } version)
        {
            configuration["Integrations:Credentials:ActiveVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WebhookSilo.StartAsync(_database, configuration: configuration);
    }
}
