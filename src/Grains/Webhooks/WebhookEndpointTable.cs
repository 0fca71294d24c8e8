using MindPeeker.Grains.Abstractions.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// SQL over <c>webhook_endpoints</c> (migrations 0005, 0009). Deleted endpoints are neither listed nor found. The signing
/// secret is written only sealed (<c>secret_ciphertext</c> + <c>secret_key_version</c>); the plaintext column is read
/// only to seal rows older than 0009.
/// </summary>
internal static class WebhookEndpointTable
{
    internal const string Columns = "id, user_id, url, events, description, status, created_at, secret_ciphertext, failing_since, secret";

    /// <summary>Inserts a new endpoint with its sealed secret (<see cref="WebhookEndpointRow.SealedSecret"/>) under <paramref name="keyVersion"/>.</summary>
    public static async Task InsertAsync(NpgsqlDataSource db, WebhookEndpointRow row, int keyVersion)
    {
        var view = row.View;
        await using var command = db.CreateCommand(
            "INSERT INTO webhook_endpoints (id, user_id, url, events, description, status, created_at, secret_ciphertext, secret_key_version, updated_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = view.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = view.OwnerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Url });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. view.Events], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)view.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Status });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = view.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = row.SealedSecret ?? throw new ArgumentException("An endpoint is stored with a sealed secret.", nameof(row)) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = keyVersion });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<WebhookEndpointRow?> FindAsync(NpgsqlDataSource db, Guid id)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Newest first; the cursor is the last endpoint of the previous page (ignored when not the user's).</summary>
    public static async Task<WebhookEndpointPage> ListAsync(NpgsqlDataSource db, Guid userId, int limit, Guid? startingAfter)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM webhook_endpoints WHERE user_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR (created_at, id) < "
            + "(SELECT c.created_at, c.id FROM webhook_endpoints c WHERE c.id = $2 AND c.user_id = $1)) ORDER BY created_at DESC, id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)startingAfter ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<WebhookEndpointView>(limit + 1);
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader).View);
        }

        var hasMore = items.Count > limit;
        return new WebhookEndpointPage(hasMore ? items[..limit] : items, hasMore);
    }

    /// <summary>Writes the row's settings, status and failure clock (an endpoint's only writer is its grain).</summary>
    public static async Task UpdateAsync(NpgsqlDataSource db, WebhookEndpointRow row, DateTimeOffset now)
    {
        var view = row.View;
        await using var command = db.CreateCommand(
            "UPDATE webhook_endpoints SET url = $2, events = $3, description = $4, status = $5, failing_since = $6, updated_at = $7 "
            + "WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = view.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Url });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. view.Events], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)view.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = view.Status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.FailingSince ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DeleteAsync(NpgsqlDataSource db, Guid id, DateTimeOffset now)
    {
        await using var command = db.CreateCommand("UPDATE webhook_endpoints SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync();
    }

    internal static WebhookEndpointRow Read(NpgsqlDataReader reader) => new(
        new WebhookEndpointView(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetFieldValue<string[]>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetString(5),
            reader.GetFieldValue<DateTimeOffset>(6)),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetString(9));
}
