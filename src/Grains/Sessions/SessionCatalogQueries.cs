namespace MindPeeker.Grains.Sessions;

/// <summary>The reads of <see cref="SessionCatalogGrain"/> over the tables of <c>0004_sessions.sql</c>.</summary>
internal static class SessionCatalogQueries
{
    public const string SessionColumns = """
        id, user_id, cue, session_type, status, progress, parameters, metadata, created_at, updated_at,
        started_at, completed_at, error, result_count, last_sequence
        """;

    /// <summary>The cursor's position; deleted sessions still count, so a page boundary survives a delete.</summary>
    public const string Cursor = "SELECT created_at FROM sessions WHERE id = @id AND user_id = @owner";

    /// <summary>The list before its optional filters (appended by the caller) and its order.</summary>
    public const string ListBase = $"SELECT {SessionColumns} FROM sessions WHERE user_id = @owner AND deleted_at IS NULL";

    public const string ListCursorFilter = " AND (created_at, id) < (@after_created_at, @after_id)";

    public const string ListStatusFilter = " AND status = @status";

    public const string ListUpdatedSinceFilter = " AND updated_at >= @updated_since";

    public const string ListOrder = " ORDER BY created_at DESC, id DESC LIMIT @limit";

    public const string Results = """
        SELECT id, session_id, result_type, confidence_score, meets_threshold, data, model_name, model_version, created_at
        FROM analysis_results
        WHERE session_id = @session_id
        ORDER BY created_at, id
        """;

    public const string Events = """
        SELECT e.sequence, e.event, e.status, e.progress, e.payload, e.occurred_at, s.user_id
        FROM session_events e JOIN sessions s ON s.id = e.session_id
        WHERE e.session_id = @session_id AND e.sequence > @after
        ORDER BY e.sequence
        LIMIT @limit
        """;

    /// <summary>Unfinished sessions after the keyset (<c>created_at</c>, <c>id</c>), oldest first, for start-up recovery.</summary>
    public const string Unfinished = """
        SELECT id, created_at FROM sessions
        WHERE status IN ('pending', 'processing') AND deleted_at IS NULL AND (created_at, id) > (@after_created_at, @after_id)
        ORDER BY created_at, id
        LIMIT @limit
        """;
}
