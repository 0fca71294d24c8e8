using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// The start-up rotation's SQL over the secret columns of <c>webhook_endpoints</c> (migration 0009), deleted endpoints
/// included so that no plaintext secret stays behind. An endpoint's secret never changes after creation, so the
/// rotation writes it directly, guarded by compare-and-swap on what it read; the grain never writes these columns.
/// </summary>
internal static class WebhookSecretTable
{
    /// <summary>Up to <paramref name="limit"/> endpoints after <paramref name="after"/> (by id) in plaintext or under another version than <paramref name="activeVersion"/>.</summary>
    public static async Task<List<StoredWebhookSecret>> StaleAsync(NpgsqlDataSource db, int activeVersion, Guid after, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "SELECT id, secret, secret_ciphertext FROM webhook_endpoints "
            + "WHERE (secret IS NOT NULL OR secret_key_version <> $1) AND id > $2 ORDER BY id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = activeVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<StoredWebhookSecret>(limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new StoredWebhookSecret(
                reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2)));
        }

        return page;
    }

    /// <summary>
    /// Stores <paramref name="sealedSecret"/> under <paramref name="keyVersion"/> and clears the plaintext, if the row
    /// still holds what <paramref name="current"/> read; answers whether it did.
    /// </summary>
    public static async Task<bool> ReplaceAsync(NpgsqlDataSource db, StoredWebhookSecret current, byte[] sealedSecret, int keyVersion, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "UPDATE webhook_endpoints SET secret_ciphertext = $2, secret_key_version = $3, secret = NULL "
            + "WHERE id = $1 AND secret IS NOT DISTINCT FROM $4 AND secret_ciphertext IS NOT DISTINCT FROM $5");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = current.EndpointId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = sealedSecret });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = keyVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)current.Plaintext ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)current.Sealed ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
