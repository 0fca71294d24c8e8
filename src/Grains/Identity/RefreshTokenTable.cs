using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>SQL over <c>refresh_tokens</c> (migration 0002). Tokens are stored only as SHA-256 hashes.</summary>
internal static class RefreshTokenTable
{
    public static async Task InsertAsync(NpgsqlConnection connection, Guid familyId, Guid userId, byte[] tokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = familyId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = tokenHash });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = expiresAt });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<RefreshTokenRow?> FindAsync(NpgsqlConnection connection, Guid familyId, byte[] tokenHash)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, user_id, expires_at, spent_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 AND family_id = $2",
            connection);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = tokenHash });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = familyId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new RefreshTokenRow(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Marks the token spent unless someone already did; <see langword="false"/> when it lost that race.</summary>
    public static async Task<bool> SpendAsync(NpgsqlConnection connection, Guid id, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE refresh_tokens SET spent_at = $2 WHERE id = $1 AND spent_at IS NULL AND revoked_at IS NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public static async Task RevokeFamilyAsync(NpgsqlConnection connection, Guid familyId, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = familyId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }
}
