using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>SQL over <c>signing_keys</c> (migration 0002).</summary>
internal static class SigningKeyTable
{
    public static async Task<List<SigningKeyRow>> LoadLiveAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT kid, private_key, encrypted, status, created_at FROM signing_keys "
            + "WHERE status IN ('active', 'published') ORDER BY created_at DESC, kid",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<SigningKeyRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new SigningKeyRow(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetBoolean(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }

    /// <summary>Demotes the current active key (if it is not <paramref name="kid"/>) and makes <paramref name="kid"/> active, inserting it when new.</summary>
    public static async Task ActivateAsync(NpgsqlConnection connection, string kid, byte[] privateKey, bool encrypted, DateTimeOffset now)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var demote = new NpgsqlCommand(
            "UPDATE signing_keys SET status = 'published', deactivated_at = $2 WHERE status = 'active' AND kid <> $1", connection, transaction))
        {
            demote.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kid });
            demote.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            await demote.ExecuteNonQueryAsync();
        }

        await using (var upsert = new NpgsqlCommand(
            "INSERT INTO signing_keys (kid, private_key, encrypted, status, created_at, activated_at) VALUES ($1, $2, $3, 'active', $4, $4) "
            + "ON CONFLICT (kid) DO UPDATE SET status = 'active', activated_at = $4, deactivated_at = NULL",
            connection,
            transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kid });
            upsert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = privateKey });
            upsert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = encrypted });
            upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            await upsert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Retires published keys replaced before <paramref name="replacedBefore"/>; returns how many.</summary>
    public static async Task<int> RetireAsync(NpgsqlConnection connection, DateTimeOffset replacedBefore)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE signing_keys SET status = 'retired' WHERE status = 'published' AND deactivated_at < $1", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = replacedBefore });
        return await command.ExecuteNonQueryAsync();
    }
}
