using System.Text;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>The secret columns of <c>webhook_endpoints</c> as an operator reads (and an attacker with write access alters) them.</summary>
internal static class WebhookSecretStorage
{
    /// <summary>The whole endpoint row as text, bytea as hex: what a database dump would show.</summary>
    public static async Task<string> EndpointRowTextAsync(this PostgreSqlTestDatabase database, Guid endpointId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT w::text FROM webhook_endpoints w WHERE id = $1");
        command.Parameters.AddWithValue(endpointId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<(string? Plaintext, byte[]? Sealed, int? KeyVersion)> SecretColumnsAsync(this PostgreSqlTestDatabase database, Guid endpointId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT secret, secret_ciphertext, secret_key_version FROM webhook_endpoints WHERE id = $1");
        command.Parameters.AddWithValue(endpointId);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue($"endpoint {endpointId} has a row");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
    }

    /// <summary>Flips one bit of the stored envelope at <paramref name="offset"/>.</summary>
    public static async Task TamperAsync(this PostgreSqlTestDatabase database, Guid endpointId, int offset)
    {
        var (_, envelope, _) = await database.SecretColumnsAsync(endpointId);
        envelope![offset] ^= 0x01;
        await using var command = database.DataSource.CreateCommand("UPDATE webhook_endpoints SET secret_ciphertext = $2 WHERE id = $1");
        command.Parameters.AddWithValue(endpointId);
        command.Parameters.AddWithValue(envelope);
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    /// <summary>Inserts an endpoint as migration 0005 stored it, before secrets were sealed: the <c>whsec_</c> text in <c>secret</c>.</summary>
    public static async Task<Guid> InsertPlaintextEndpointAsync(this PostgreSqlTestDatabase database, Guid owner, Uri url, string secret)
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO webhook_endpoints (id, user_id, url, events, description, secret, created_at, updated_at) VALUES ($1, $2, $3, $4, 'legacy', $5, now(), now())");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(url.ToString());
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [WebhookEventTypes.SessionCompleted] });
        command.Parameters.AddWithValue(secret);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Both signatures of <paramref name="received"/> verify with <paramref name="secret"/> (the text the owner was shown).</summary>
    public static void ShouldVerifyWith(this ReceivedRequest received, string secret)
    {
        var key = WebhookSecret.Parse(secret);
        var body = Encoding.UTF8.GetBytes(received.Body);
        new StandardWebhookSigner(TimeProvider.System).Verify(key, received.WebhookId, received.Timestamp, received.Signature, body)
            .Should().Be(WebhookVerificationResult.Valid, "the webhook-signature is made with the secret shown at creation");
        received.LegacySignature.Should().Be(StandardWebhookSigner.SignLegacy(key, body), "so is the legacy X-MindPeeker-Signature");
    }
}
