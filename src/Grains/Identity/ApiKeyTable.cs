using System.Text.Json;
using MindPeeker.Grains.Abstractions.Identity;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Identity;

/// <summary>SQL over <c>api_keys</c> (migration 0003). Revoked keys are neither listed nor found.</summary>
internal static class ApiKeyTable
{
    internal const string Columns = "id, user_id, name, prefix, permissions, rate_limit_per_minute, ip_whitelist, created_at, expires_at";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<bool> InsertAsync(NpgsqlDataSource db, StoredApiKey key)
    {
        var view = key.View;
        await using var command = db.CreateCommand(
            "INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, permissions, rate_limit_per_minute, ip_whitelist, created_at, expires_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (prefix) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = view.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = view.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Prefix });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.SecretHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(view.Permissions, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)view.RateLimitPerMinute ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. view.IpWhitelist], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = view.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)view.ExpiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The live key with this prefix and its secret's hash.</summary>
    public static async Task<(ApiKeyView View, byte[] SecretHash)?> FindByPrefixAsync(NpgsqlDataSource db, string prefix)
    {
        await using var command = db.CreateCommand($"SELECT {Columns}, secret_hash FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (Read(reader), reader.GetFieldValue<byte[]>(9)) : null;
    }

    public static async Task<ApiKeyView?> FindAsync(NpgsqlDataSource db, Guid userId, Guid keyId)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM api_keys WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = keyId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Newest first; the cursor is the last key of the previous page (ignored when not the user's).</summary>
    public static async Task<ApiKeyPage> ListAsync(NpgsqlDataSource db, Guid userId, int limit, Guid? startingAfter)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM api_keys k WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR (created_at, id) < "
            + "(SELECT c.created_at, c.id FROM api_keys c WHERE c.id = $2 AND c.user_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)startingAfter ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<ApiKeyView>(limit + 1);
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        var hasMore = items.Count > limit;
        return new ApiKeyPage(hasMore ? items[..limit] : items, hasMore);
    }

    /// <summary>Revokes the owner's live key with this prefix; <see langword="false"/> when there is none.</summary>
    public static async Task<bool> RevokeAsync(NpgsqlDataSource db, string prefix, Guid userId, DateTimeOffset now)
    {
        await using var command = db.CreateCommand("UPDATE api_keys SET revoked_at = $3, updated_at = $3 WHERE prefix = $1 AND user_id = $2 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    internal static ApiKeyView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        JsonSerializer.Deserialize<List<PermissionGrant>>(reader.GetString(4), Json) ?? [],
        reader.IsDBNull(5) ? null : reader.GetInt32(5),
        reader.GetFieldValue<string[]>(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
