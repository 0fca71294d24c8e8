using System.Globalization;
using System.Text;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Identity;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>
/// Runs an <see cref="AuditQuery"/> against <c>audit_log</c>: a read-only SELECT, newest first by
/// <c>(occurred_at, id)</c>, with a keyset cursor so pages never skip or repeat entries. Thread-safe (no state).
/// </summary>
internal static class AuditLogQuery
{
    private const string Columns =
        "id, occurred_at, actor_user_id, actor_api_key_id, action, resource_type, resource_id, host(ip), details::text";

    public static async Task<AuditPage> RunAsync(NpgsqlDataSource db, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 100);
        DateTimeOffset? cursorTime = null;
        if (query.StartingAfter is { } cursorId)
        {
            cursorTime = await FindOccurredAtAsync(db, cursorId, cancellationToken);
            if (cursorTime is null)
            {
                return new AuditPage([], false, CursorFound: false);
            }
        }

        await using var command = db.CreateCommand();
        var where = new List<string>();
        if (cursorTime is { } after)
        {
            where.Add($"(occurred_at, id) < ({Add(command, after.ToUniversalTime())}, {Add(command, query.StartingAfter!.Value)})");
        }

        if (query.ActorUserId is { } actor)
        {
            where.Add($"actor_user_id = {Add(command, actor)}");
        }

        if (query.Action is { } action)
        {
            where.Add(query.ActionIsPrefix
                ? $"action LIKE {Add(command, EscapeLike(action) + "%")}"
                : $"action = {Add(command, action)}");
        }

        if (query.ResourceType is { } resourceType)
        {
            where.Add($"resource_type = {Add(command, resourceType)}");
        }

        if (query.ResourceId is { } resourceId)
        {
            where.Add($"resource_id = {Add(command, resourceId)}");
        }

        if (query.Since is { } since)
        {
            where.Add($"occurred_at >= {Add(command, since.ToUniversalTime())}");
        }

        if (query.Until is { } until)
        {
            where.Add($"occurred_at < {Add(command, until.ToUniversalTime())}");
        }

        var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM audit_log");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY occurred_at DESC, id DESC LIMIT {query.Limit + 1}");
        command.CommandText = sql.ToString();
        var items = new List<AuditRecord>(query.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        var hasMore = items.Count > query.Limit;
        return new AuditPage(hasMore ? items[..query.Limit] : items, hasMore);
    }

    private static async Task<DateTimeOffset?> FindOccurredAtAsync(NpgsqlDataSource db, long id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT occurred_at FROM audit_log WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
    }

    private static AuditRecord Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTimeOffset>(1),
        reader.IsDBNull(2) ? null : reader.GetGuid(2),
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        ReadDetails(reader.GetString(8)));

    private static Dictionary<string, string> ReadDetails(string json)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return details;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            details[property.Name] = AuditDetailsRedaction.Redact(property.Name, value);
        }

        return details;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
    }
}
