using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Integrations;
using MindPeeker.Grains.Sessions;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// Reads incremental-sync pages (<see cref="IIncrementalSyncGrain"/>): live rows and tombstones, each by keyset on
/// <c>(updated_at, id)</c> strictly after the cursor, merged in PostgreSQL's order (uuids compare as their 16 bytes).
/// </summary>
[StatelessWorker]
internal sealed class IncrementalSyncGrain(NpgsqlDataSource db) : Grain, IIncrementalSyncGrain
{
    private const string Window = " AND updated_at >= @since AND (updated_at, id) > (@after_at, @after_id)";
    private const string Order = " ORDER BY updated_at, id LIMIT @limit";

    public Task<SyncPage<SessionSnapshot>> Sessions(Guid ownerId, SyncListQuery query, string? status)
    {
        var statusFilter = status is null ? string.Empty : " AND status = @status";
        return PageAsync(
            $"SELECT {SessionCatalogQueries.SessionColumns}, updated_at FROM sessions WHERE user_id = @owner AND deleted_at IS NULL{statusFilter}",
            $"SELECT id, updated_at, deleted_at FROM sessions WHERE user_id = @owner AND deleted_at IS NOT NULL{statusFilter}",
            ownerId,
            query,
            SessionRows.Session,
            s => s.Id,
            parameters => parameters.AddWithValue("status", (object?)status ?? DBNull.Value));
    }

    public Task<SyncPage<ApiKeyView>> ApiKeys(Guid ownerId, SyncListQuery query) =>
        PageAsync(
            $"SELECT {ApiKeyTable.Columns}, updated_at FROM api_keys WHERE user_id = @owner AND revoked_at IS NULL",
            "SELECT id, updated_at, revoked_at FROM api_keys WHERE user_id = @owner AND revoked_at IS NOT NULL",
            ownerId,
            query,
            ApiKeyTable.Read,
            k => k.Id);

    public Task<SyncPage<WebhookEndpointView>> Webhooks(Guid ownerId, SyncListQuery query) =>
        PageAsync(
            $"SELECT {WebhookEndpointTable.Columns}, updated_at FROM webhook_endpoints WHERE user_id = @owner AND deleted_at IS NULL",
            "SELECT id, updated_at, deleted_at FROM webhook_endpoints WHERE user_id = @owner AND deleted_at IS NOT NULL",
            ownerId,
            query,
            reader => WebhookEndpointTable.Read(reader).View,
            w => w.Id);

    public Task<SyncPage<IntegrationView>> Integrations(Guid ownerId, SyncListQuery query) =>
        PageAsync(
            $"SELECT {IntegrationQueries.Columns}, updated_at FROM integrations WHERE user_id = @owner",
            "SELECT id, updated_at, updated_at FROM (SELECT id, deleted_at AS updated_at FROM sync_tombstones WHERE resource = 'integrations' AND owner_id = @owner) t WHERE true",
            ownerId,
            query,
            reader => IntegrationStore.Read(reader).ToView(),
            i => i.Id);

    public async Task<SyncPage<WebhookDeliveryView>?> Deliveries(Guid ownerId, Guid endpointId, SyncListQuery query, string? status)
    {
        await using (var owned = db.CreateCommand("SELECT 1 FROM webhook_endpoints WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"))
        {
            owned.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = endpointId });
            owned.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ownerId });
            if (await owned.ExecuteScalarAsync() is null)
            {
                return null;
            }
        }

        var statusFilter = status is null ? string.Empty : " AND status = @status";
        return await PageAsync(
            $"SELECT {WebhookDeliveryTable.Columns}, updated_at FROM webhook_deliveries WHERE endpoint_id = @owner{statusFilter}",
            tombstoneSql: null,
            endpointId,
            query,
            ReadDelivery,
            d => d.Id,
            parameters => parameters.AddWithValue("status", (object?)status ?? DBNull.Value));
    }

    private async Task<SyncPage<T>> PageAsync<T>(
        string liveSql,
        string? tombstoneSql,
        Guid ownerId,
        SyncListQuery query,
        Func<NpgsqlDataReader, T> read,
        Func<T, Guid> idOf,
        Action<NpgsqlParameterCollection>? bind = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<(DateTimeOffset At, Guid Id, T? Item, DateTimeOffset? DeletedAt)>();
        await using var connection = await db.OpenConnectionAsync();
        await using (var live = Command(connection, liveSql + Window + Order, ownerId, query, bind))
        await using (var reader = await live.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var item = read(reader);
                rows.Add((reader.GetFieldValue<DateTimeOffset>(reader.FieldCount - 1), idOf(item), item, null));
            }
        }

        if (query.IncludeDeleted && tombstoneSql is not null)
        {
            await using var dead = Command(connection, tombstoneSql + Window + Order, ownerId, query, bind);
            await using var reader = await dead.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(0), default, reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        rows.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : CompareUuid(a.Id, b.Id));
        var hasMore = rows.Count > query.Limit;
        var page = rows.Take(query.Limit).ToList();
        return new SyncPage<T>(
            page.Where(r => r.DeletedAt is null).Select(r => r.Item!).ToList(),
            page.Where(r => r.DeletedAt is not null).Select(r => new SyncTombstone(r.Id, r.DeletedAt!.Value)).ToList(),
            hasMore,
            hasMore ? new SyncPosition(page[^1].At, page[^1].Id) : null);
    }

    private static NpgsqlCommand Command(
        NpgsqlConnection connection, string sql, Guid ownerId, SyncListQuery query, Action<NpgsqlParameterCollection>? bind)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("owner", ownerId);
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = query.UpdatedSince.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (query.After?.UpdatedAt ?? query.UpdatedSince).ToUniversalTime() });
        command.Parameters.AddWithValue("after_id", query.After?.Id ?? Guid.Empty);
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        bind?.Invoke(command.Parameters);
        return command;
    }

    /// <summary>PostgreSQL's uuid order: the 16 bytes in RFC 4122 (big-endian) order, compared one by one.</summary>
    private static int CompareUuid(Guid a, Guid b)
    {
        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        a.TryWriteBytes(left, bigEndian: true, out _);
        b.TryWriteBytes(right, bigEndian: true, out _);
        return left.SequenceCompareTo(right);
    }

    private static WebhookDeliveryView ReadDelivery(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8));
}
