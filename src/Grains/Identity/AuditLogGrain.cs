using System.Net;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Identity;

/// <summary>Writes and reads <c>audit_log</c> rows; the table is only ever appended to (no UPDATE or DELETE anywhere).</summary>
[StatelessWorker]
internal sealed class AuditLogGrain(NpgsqlDataSource db, TimeProvider time) : Grain, IAuditLogGrain
{
    public async Task Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = db.CreateCommand(
            "INSERT INTO audit_log (occurred_at, actor_user_id, actor_api_key_id, action, resource_type, resource_id, ip, details) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ActorUserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ActorApiKeyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Action });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ResourceType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ResourceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = IPAddress.TryParse(entry.Ip, out var ip) ? ip : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Inet,
        });
        command.Parameters.Add(new NpgsqlParameter<string>
        {
            TypedValue = JsonSerializer.Serialize(entry.Details ?? new Dictionary<string, string>()),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync();
    }

    public Task<AuditPage> Query(AuditQuery query) => AuditLogQuery.RunAsync(db, query, CancellationToken.None);
}
