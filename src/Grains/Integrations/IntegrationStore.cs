using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Integrations;

/// <summary>
/// Reads and writes integrations and their logs (<see cref="IntegrationQueries"/>). Thread-safe; it holds nothing but
/// the shared <see cref="NpgsqlDataSource"/>. Credentials pass through only as encrypted envelopes.
/// </summary>
internal sealed class IntegrationStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<IntegrationRecord?> LoadAsync(Guid id)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Load);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Inserts the row unless one with its id exists; <see langword="false"/> when it did.</summary>
    public async Task<bool> InsertAsync(IntegrationRecord record)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Insert);
        AddRow(command.Parameters, record);
        command.Parameters.AddWithValue("user_id", record.OwnerId);
        command.Parameters.AddWithValue("type", record.Type);
        command.Parameters.AddWithValue("platform", record.Platform);
        command.Parameters.AddWithValue("created_at", record.CreatedAt);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Writes <paramref name="record"/> over the row at <paramref name="expectedVersion"/>; <see langword="false"/> when it moved on.</summary>
    public async Task<bool> UpdateAsync(IntegrationRecord record, long expectedVersion)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Update);
        AddRow(command.Parameters, record);
        command.Parameters.AddWithValue("expected_version", expectedVersion);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> DeleteAsync(Guid id)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Delete);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<IntegrationPage> ListAsync(Guid userId, int limit, Guid? startingAfter)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.List);
        command.Parameters.AddWithValue("user_id", userId);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = (object?)startingAfter ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<IntegrationView>(limit + 1);
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader).ToView());
        }

        var hasMore = items.Count > limit;
        return new IntegrationPage(hasMore ? items[..limit] : items, hasMore);
    }

    /// <summary>Up to <paramref name="limit"/> ids after <paramref name="after"/> whose credentials are not under <paramref name="activeVersion"/>.</summary>
    public async Task<List<Guid>> StaleKeyVersionsAsync(int activeVersion, Guid after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.StaleKeyVersions);
        command.Parameters.AddWithValue("active", activeVersion);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Appends a log entry (<paramref name="outcome"/>: <c>succeeded</c>, <c>failed</c>, <c>rate_limited</c>, or null when no call) and trims old ones.</summary>
    public async Task AppendLogAsync(Guid id, IntegrationLogEntry entry, string? outcome)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.AppendLog);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("occurred_at", entry.Timestamp);
        command.Parameters.AddWithValue("level", entry.Level);
        command.Parameters.AddWithValue("operation", entry.Operation);
        command.Parameters.AddWithValue("message", entry.Message);
        command.Parameters.Add(new NpgsqlParameter("latency_ms", NpgsqlDbType.Double) { Value = (object?)entry.LatencyMs ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("status_code", NpgsqlDbType.Integer) { Value = (object?)entry.StatusCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlDbType.Varchar) { Value = (object?)outcome ?? DBNull.Value });
        command.Parameters.AddWithValue("keep", IntegrationQueries.KeptLogEntries);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<IntegrationLogEntry>> LogsAsync(Guid id, int limit)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Logs);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<IntegrationLogEntry>(limit);
        while (await reader.ReadAsync())
        {
            entries.Add(new IntegrationLogEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return entries;
    }

    public async Task<IntegrationMetrics> MetricsAsync(Guid id, DateTimeOffset now, TimeSpan window)
    {
        await using var command = dataSource.CreateCommand(IntegrationQueries.Metrics);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("since", now - window);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (total, succeeded, failed, limited) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        double? Latency(int ordinal) => reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal), 3);
        return new IntegrationMetrics(
            (int)window.TotalSeconds,
            total,
            succeeded,
            failed,
            limited,
            total == 0 ? 0 : Math.Round((double)succeeded / total, 4),
            total == 0 ? 0 : Math.Round((double)failed / total, 4),
            Math.Round(total / window.TotalMinutes, 4),
            Latency(4),
            Latency(5),
            Latency(6),
            Latency(7));
    }

    private static void AddRow(NpgsqlParameterCollection parameters, IntegrationRecord record)
    {
        parameters.AddWithValue("id", record.Id);
        parameters.AddWithValue("name", record.Name);
        parameters.AddWithValue("status", record.Status);
        parameters.Add(new NpgsqlParameter("configuration", NpgsqlDbType.Jsonb) { Value = record.Configuration.GetRawText() });
        parameters.Add(new NpgsqlParameter("credential_fields", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = record.CredentialFields.ToArray() });
        parameters.Add(new NpgsqlParameter("credentials", NpgsqlDbType.Bytea) { Value = (object?)record.Credentials ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("credentials_key_version", NpgsqlDbType.Integer) { Value = (object?)record.CredentialsKeyVersion ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("health", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(record.Health, SnakeCase) });
        parameters.Add(new NpgsqlParameter("sync", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(record.Sync, SnakeCase) });
        parameters.AddWithValue("version", record.Version);
        parameters.AddWithValue("updated_at", record.UpdatedAt);
    }

    internal static IntegrationRecord Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        Json(reader.GetString(6)),
        reader.GetFieldValue<string[]>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8),
        reader.IsDBNull(9) ? null : reader.GetInt32(9),
        JsonSerializer.Deserialize<IntegrationHealth>(reader.GetString(10), SnakeCase) ?? IntegrationHealth.None,
        JsonSerializer.Deserialize<IntegrationSyncStatus>(reader.GetString(11), SnakeCase)!,
        reader.GetInt64(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        reader.GetFieldValue<DateTimeOffset>(14));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
