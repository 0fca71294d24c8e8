using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// A session grain's durable state: its <c>sessions</c> row, written together with the update's
/// <c>session_events</c> row (and <c>analysis_results</c> row, and webhook events with their pending deliveries)
/// as one statement, so one round trip that is applied entirely or not at all. Thread-safe; it holds nothing but
/// the shared <see cref="NpgsqlDataSource"/>.
/// </summary>
internal sealed class SessionStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The session's state as its row has it, or null when there is no row.</summary>
    public async Task<SessionState?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SessionStoreQueries.Load);
        command.Parameters.AddWithValue("id", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var resultCount = reader.GetInt32(8);
        return new SessionState
        {
            OwnerId = reader.GetGuid(0),
            Cue = reader.GetString(1),
            SessionType = reader.GetString(2),
            Status = reader.GetString(3),
            Progress = reader.GetInt32(4),
            Parameters = JsonSerializer.Deserialize<SessionParameters>(reader.GetString(5), SnakeCase) ?? new SessionParameters(0, []),
            Metadata = reader.IsDBNull(6) ? null : Json(reader.GetString(6)),
            Error = reader.IsDBNull(7) ? null : reader.GetString(7),
            ResultCount = resultCount,

            // Results are produced in the requested order, one per analysis type, so the count says where the pipeline is.
            NextAnalysis = resultCount,
            LastSequence = reader.GetInt64(9),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(10),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(11),
            StartedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
            CompletedAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            DeletedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        };
    }

    /// <summary>
    /// Writes <paramref name="state"/> as of <paramref name="update"/> (and its <paramref name="result"/>) over a row at
    /// <paramref name="expectedSequence"/> (0: no row yet), with <paramref name="webhooks"/> (each with its stable id) put
    /// in the owner's webhook outbox in the same transaction (<see cref="WebhookOutbox.EnqueueSteps"/>). Not
    /// <see cref="SessionStoreWrite.Written"/> when the row was elsewhere, and nothing was written; throws when PostgreSQL
    /// refused, and nothing was written either. A create carries no webhook events.
    /// </summary>
    public async Task<SessionStoreWrite> WriteAsync(
        SessionState state,
        SessionUpdate update,
        SessionResult? result,
        long expectedSequence,
        IReadOnlyList<(string Id, WebhookEvent Event)> webhooks,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        if (expectedSequence == 0 && webhooks.Count > 0)
        {
            throw new ArgumentException("A session's create carries no webhook events.", nameof(webhooks));
        }

        // A result always carries its analysis.ready event; other changes without events skip the outbox lookup.
        var withWebhooks = expectedSequence != 0 && (result is not null || webhooks.Count > 0);
        var sql = expectedSequence == 0 ? SessionStoreQueries.Create
            : result is not null ? SessionStoreQueries.ChangeWithResult
            : withWebhooks ? SessionStoreQueries.ChangeWithWebhooks
            : SessionStoreQueries.Change;
        await using var command = dataSource.CreateCommand(sql);
        var parameters = command.Parameters;
        parameters.AddWithValue("id", update.SessionId);
        parameters.AddWithValue("status", state.Status);
        parameters.AddWithValue("progress", state.Progress);
        parameters.Add(new NpgsqlParameter("metadata", NpgsqlDbType.Jsonb) { Value = state.Metadata is { } metadata ? metadata.GetRawText() : DBNull.Value });
        parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)state.Error ?? DBNull.Value });
        parameters.AddWithValue("result_count", state.ResultCount);
        parameters.AddWithValue("last_sequence", state.LastSequence);
        parameters.AddWithValue("updated_at", state.UpdatedAt);
        parameters.Add(new NpgsqlParameter("started_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.StartedAt ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("completed_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.CompletedAt ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("deleted_at", NpgsqlDbType.TimestampTz) { Value = (object?)state.DeletedAt ?? DBNull.Value });
        parameters.AddWithValue("event", update.Event);
        parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = Payload(update) });
        if (expectedSequence == 0)
        {
            parameters.AddWithValue("user_id", state.OwnerId);
            parameters.AddWithValue("cue", state.Cue);
            parameters.AddWithValue("session_type", state.SessionType);
            parameters.Add(new NpgsqlParameter("parameters", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(state.Parameters, SnakeCase) });
            parameters.AddWithValue("created_at", state.CreatedAt);
        }
        else
        {
            parameters.AddWithValue("expected_sequence", expectedSequence);
        }

        if (expectedSequence != 0 && result is not null)
        {
            parameters.AddWithValue("result_id", result.Id);
            parameters.AddWithValue("result_type", result.ResultType);
            parameters.AddWithValue("confidence_score", result.ConfidenceScore);
            parameters.AddWithValue("meets_threshold", result.MeetsThreshold);
            parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Jsonb) { Value = result.Data.GetRawText() });
            parameters.AddWithValue("model_name", result.Model.Name);
            parameters.AddWithValue("model_version", result.Model.Version);
        }

        if (!withWebhooks)
        {
            return await command.ExecuteScalarAsync(cancellationToken) is null ? SessionStoreWrite.Refused : SessionStoreWrite.WrittenAlone;
        }

        WebhookOutbox.Bind(parameters, state.OwnerId, webhooks, update.Timestamp);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return SessionStoreWrite.Refused;
        }

        var woken = reader.GetFieldValue<Guid[]>(1);
        return woken.Length == 0 ? SessionStoreWrite.WrittenAlone : new SessionStoreWrite(true, woken);
    }

    /// <summary>The <c>payload</c> of an event row: what <see cref="SessionUpdate"/> carries beyond the columns.</summary>
    private static string Payload(SessionUpdate update) =>
        JsonSerializer.Serialize(new EventPayload(update.ResultCount, update.Error), SnakeCase);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private sealed record EventPayload(int ResultCount, string? Error);
}
