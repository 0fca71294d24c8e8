namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The statements with which <see cref="SessionProjection"/> writes a session grain's outbox into
/// the tables of <c>Persistence/Migrations/0004_sessions.sql</c>. Each is idempotent.
/// </summary>
internal static class SessionProjectionQueries
{
    /// <summary>Inserts or refreshes the read-model row; an older snapshot (lower sequence) never overwrites a newer one.</summary>
    public const string UpsertSession = """
        INSERT INTO sessions (id, user_id, cue, session_type, status, progress, parameters, metadata, error, result_count,
                              last_sequence, created_at, updated_at, started_at, completed_at, deleted_at)
        VALUES (@id, @user_id, @cue, @session_type, @status, @progress, @parameters, @metadata, @error, @result_count,
                @last_sequence, @created_at, @updated_at, @started_at, @completed_at, @deleted_at)
        ON CONFLICT (id) DO UPDATE SET
            status = EXCLUDED.status, progress = EXCLUDED.progress, metadata = EXCLUDED.metadata, error = EXCLUDED.error,
            result_count = EXCLUDED.result_count, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at,
            started_at = EXCLUDED.started_at, completed_at = EXCLUDED.completed_at, deleted_at = EXCLUDED.deleted_at
        WHERE sessions.last_sequence < EXCLUDED.last_sequence
        """;

    public const string InsertResult = """
        INSERT INTO analysis_results (id, session_id, result_type, confidence_score, meets_threshold, data, model_name, model_version, created_at)
        VALUES (@id, @session_id, @result_type, @confidence_score, @meets_threshold, @data, @model_name, @model_version, @created_at)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>Returns the sequence only when the event was not there yet, so a replay publishes nothing twice.</summary>
    public const string InsertEvent = """
        INSERT INTO session_events (session_id, sequence, event, status, progress, payload, occurred_at)
        VALUES (@session_id, @sequence, @event, @status, @progress, @payload, @occurred_at)
        ON CONFLICT (session_id, sequence) DO NOTHING
        RETURNING sequence
        """;
}
