using System.Text;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>Signing secrets at rest: sealed in the row, opened only to sign, and a tampered row fails its deliveries clearly.</summary>
public sealed class WebhookSecretEncryptionTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private WebhookTestReceiver _receiver = null!;
    private WebhookSilo _silo = null!;
    private Guid _owner;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookTestReceiver.StartAsync();
        _silo = await WebhookSilo.StartAsync(_database);
        _owner = await _database.CreateUserAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_row_holds_neither_the_secret_nor_the_master_key_and_deliveries_verify_with_the_secret_shown_at_creation()
    {
        var created = await _silo.Grains.GetGrain<IUserWebhooksGrain>(_owner).Create(
            new WebhookEndpointRequest(_receiver.Url.ToString(), [WebhookEventTypes.SessionCompleted], "crm", null));
        var secret = created.Secret!;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var masterKey = Convert.FromBase64String(WebhookSilo.MasterKey);

        var row = await _database.EndpointRowTextAsync(created.Endpoint!.Id);
        row.Should().NotContain("whsec_").And.NotContain(secret["whsec_".Length..].TrimEnd('='))
            .And.NotContain(Convert.ToHexStringLower(key)).And.NotContain(Convert.ToHexStringLower(masterKey)).And.NotContain(WebhookSilo.MasterKey);
        var (plaintext, envelope, version) = await _database.SecretColumnsAsync(created.Endpoint.Id);
        plaintext.Should().BeNull();
        version.Should().Be(1);
        envelope!.AsSpan().IndexOf(key).Should().Be(-1);

        await _silo.PublishAsync(_owner);
        var received = (await _receiver.WaitForAsync(1)).Should().ContainSingle().Subject;

        received.ShouldVerifyWith(secret);
    }

    [Fact]
    public async Task A_tampered_row_fails_its_delivery_with_a_clear_error_sends_nothing_and_the_endpoint_keeps_serving()
    {
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        await _database.TamperAsync(endpoint.Id, offset: 49);

        var published = await _silo.PublishAsync(_owner);
        var deliveryId = (await _database.DeliveryAsync(published.EventId)).Id;
        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", deliveryId);

        var delivery = (await _silo.Endpoint(endpoint.Id).ListDeliveries(_owner, 10, null, null))!.Items.Should().ContainSingle().Subject;
        delivery.Attempts.Should().Be(1);
        delivery.LastStatusCode.Should().BeNull();
        delivery.LastError.Should().Be(WebhookEndpointGrain.UnreadableSecretError);
        delivery.NextAttemptAt.Should().NotBeNull("a key configured again heals it on the retry schedule");
        _receiver.Received.Should().BeEmpty("nothing is sent without a secret to sign it");
        (await _silo.Endpoint(endpoint.Id).Get(_owner))!.Status.Should().Be(WebhookEndpointStatus.Enabled);
    }

    [Fact]
    public async Task An_envelope_copied_onto_another_endpoint_does_not_sign_its_deliveries()
    {
        var first = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var second = await _silo.CreateEndpointAsync(_owner, new Uri(_receiver.Url, "/other"));
        var (_, envelope, _) = await _database.SecretColumnsAsync(first.Id);
        await using (var copy = _database.DataSource.CreateCommand("UPDATE webhook_endpoints SET secret_ciphertext = $2 WHERE id = $1"))
        {
            copy.Parameters.AddWithValue(second.Id);
            copy.Parameters.AddWithValue(envelope!);
            await copy.ExecuteNonQueryAsync();
        }

        var published = await _silo.PublishAsync(_owner);
        await _receiver.WaitForAsync(1);
        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "EndpointId", second.Id);

        _receiver.Received.Should().ContainSingle().Which.Path.Should().Be("/hooks/in", "only the endpoint whose own secret opens is sent to");
        (await _silo.Endpoint(second.Id).ListDeliveries(_owner, 10, null, null))!.Items.Should().ContainSingle()
            .Which.LastError.Should().Be(WebhookEndpointGrain.UnreadableSecretError, $"event {published.EventId} found the envelope bound to another endpoint");
        Encoding.UTF8.GetString(envelope!).Should().NotContain(WebhookSecret.Prefix);
    }
}
