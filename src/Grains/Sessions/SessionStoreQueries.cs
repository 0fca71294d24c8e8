using MindPeeker.Grains.Webhooks;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The statements with which <see cref="SessionStore"/> loads and changes a session in the tables of
/// <c>Persistence/Migrations/0004_sessions.sql</c>. A change is one statement: the guarded write of
/// the <c>sessions</c> row, and the result, event and webhook outbox rows (<see cref="WebhookOutbox.EnqueueSteps"/>)
/// only when that write took place.
/// </summary>
internal static class SessionStoreQueries
{
    public const string Load = """
        SELECT user_id, cue, session_type, status, progress, parameters, metadata, error, result_count,
               last_sequence, created_at, updated_at, started_at, completed_at, deleted_at
        FROM sessions WHERE id = @id
        """;

    /// <summary>The <c>created</c> update: the row is inserted only when absent (so a create is never applied twice).</summary>
    public const string Create = $"""
        WITH s AS (
            INSERT INTO sessions (id, user_id, cue, session_type, status, progress, parameters, metadata, error, result_count,
                                  last_sequence, created_at, updated_at, started_at, completed_at, deleted_at)
            VALUES (@id, @user_id, @cue, @session_type, @status, @progress, @parameters, @metadata, @error, @result_count,
                    @last_sequence, @created_at, @updated_at, @started_at, @completed_at, @deleted_at)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
        {InsertEvent}
        """;

    /// <summary>Any later update: applied only when the row still is at the sequence the grain last knew.</summary>
    public const string Change = $"""
        WITH s AS ({UpdateSession})
        {InsertEvent}
        """;

    /// <summary>
    /// <see cref="Change"/> plus the update's webhook events and their deliveries (<see cref="WebhookOutbox.EnqueueSteps"/>),
    /// in the same transaction. Returns (sequence, ids of the endpoints that got a delivery) when the write took place.
    /// </summary>
    public const string ChangeWithWebhooks = $"""
        WITH s AS ({UpdateSession}),
        {InsertEventAndWebhooks}
        """;

    /// <summary>A <c>result</c> update: <see cref="ChangeWithWebhooks"/> plus its <c>analysis_results</c> row.</summary>
    public const string ChangeWithResult = $"""
        WITH s AS ({UpdateSession}),
        r AS (
            INSERT INTO analysis_results (id, session_id, result_type, confidence_score, meets_threshold, data, model_name, model_version, created_at)
            SELECT @result_id, s.id, @result_type, @confidence_score, @meets_threshold, @data, @model_name, @model_version, @updated_at FROM s),
        {InsertEventAndWebhooks}
        """;

    private const string UpdateSession = """
        UPDATE sessions SET
            status = @status, progress = @progress, metadata = @metadata, error = @error, result_count = @result_count,
            last_sequence = @last_sequence, updated_at = @updated_at, started_at = @started_at, completed_at = @completed_at,
            deleted_at = @deleted_at
        WHERE id = @id AND last_sequence = @expected_sequence
        RETURNING id
        """;

    // Returns the sequence only when the guarded session write matched its row.
    private const string InsertEvent = $"""
        INSERT INTO session_events (session_id, sequence, event, status, progress, payload, occurred_at)
        {EventRow}
        RETURNING sequence
        """;

    // The event row, then the outbox rows gated on the same guarded write; an endpoint woken for two events is named once.
    private const string InsertEventAndWebhooks = $"""
        e AS (
            INSERT INTO session_events (session_id, sequence, event, status, progress, payload, occurred_at)
            {EventRow}
            RETURNING sequence),
        outbox_gate AS (SELECT id FROM s),
        {WebhookOutbox.EnqueueSteps}
        SELECT e.sequence, ARRAY(SELECT DISTINCT endpoint_id FROM webhook_woken) FROM e
        """;

    private const string EventRow = "SELECT s.id, @last_sequence, @event, @status, @progress, @payload, @updated_at FROM s";
}
