using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// Writes a session grain's state into PostgreSQL: the read-model row, the results and the events
/// of its outbox, in one implicit transaction. Idempotent, so an outbox may be replayed any number of times.
/// Thread-safe; it holds nothing but the shared <see cref="NpgsqlDataSource"/>.
/// </summary>
internal sealed class SessionProjection(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions PayloadJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes <paramref name="state"/>; returns the outbox updates that were not in the event log before.</summary>
    public async Task<IReadOnlyList<SessionUpdate>> WriteAsync(Guid sessionId, SessionState state, CancellationToken cancellationToken = default)
    {
        // A batch without an explicit transaction runs as one implicit transaction (all or nothing)
        // in a single round trip, where BEGIN ... COMMIT would cost a second one.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(UpsertSession(sessionId, state));
        foreach (var entry in state.Outbox)
        {
            if (entry.Result is { } result)
            {
                batch.BatchCommands.Add(InsertResult(result));
            }

            batch.BatchCommands.Add(InsertEvent(entry.Update));
        }

        var inserted = new HashSet<long>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    inserted.Add(reader.GetInt64(0));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return [.. state.Outbox.Select(e => e.Update).Where(u => inserted.Contains(u.Sequence))];
    }

    /// <summary>The <c>payload</c> of an event row: what <see cref="SessionUpdate"/> carries beyond the columns.</summary>
    public static string Payload(SessionUpdate update) =>
        JsonSerializer.Serialize(new EventPayload(update.ResultCount, update.Error), PayloadJson);

    private static NpgsqlBatchCommand UpsertSession(Guid id, SessionState state) => new(SessionProjectionQueries.UpsertSession)
    {
        Parameters =
        {
            new("id", id),
            new("user_id", state.OwnerId),
            new("cue", state.Cue),
            new("session_type", state.SessionType),
            new("status", state.Status),
            new("progress", state.Progress),
            new("parameters", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(state.Parameters, PayloadJson) },
            new("metadata", NpgsqlDbType.Jsonb) { Value = state.Metadata is { } metadata ? metadata.GetRawText() : DBNull.Value },
            new("error", NpgsqlDbType.Text) { Value = (object?)state.Error ?? DBNull.Value },
            new("result_count", state.ResultCount),
            new("last_sequence", state.LastSequence),
            new("created_at", state.CreatedAt),
            new("updated_at", state.UpdatedAt),
            new("started_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.StartedAt ?? DBNull.Value },
            new("completed_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.CompletedAt ?? DBNull.Value },
            new("deleted_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.DeletedAt ?? DBNull.Value },
        },
    };

    private static NpgsqlBatchCommand InsertResult(SessionResult result) => new(SessionProjectionQueries.InsertResult)
    {
        Parameters =
        {
            new("id", result.Id),
            new("session_id", result.SessionId),
            new("result_type", result.ResultType),
            new("confidence_score", result.ConfidenceScore),
            new("meets_threshold", result.MeetsThreshold),
            new("data", NpgsqlDbType.Jsonb) { Value = result.Data.GetRawText() },
            new("model_name", result.Model.Name),
            new("model_version", result.Model.Version),
            new("created_at", result.CreatedAt),
        },
    };

    private static NpgsqlBatchCommand InsertEvent(SessionUpdate update) => new(SessionProjectionQueries.InsertEvent)
    {
        Parameters =
        {
            new("session_id", update.SessionId),
            new("sequence", update.Sequence),
            new("event", update.Event),
            new("status", update.Status),
            new("progress", update.Progress),
            new("payload", NpgsqlDbType.Jsonb) { Value = Payload(update) },
            new("occurred_at", update.Timestamp),
        },
    };

    private sealed record EventPayload(int ResultCount, string? Error);
}
