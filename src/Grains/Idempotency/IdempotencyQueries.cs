namespace MindPeeker.Grains.Idempotency;

/// <summary>The statements of <see cref="IdempotencyLedgerGrain"/> over <c>idempotency_records</c> (<c>0004_sessions.sql</c>).</summary>
internal static class IdempotencyQueries
{
    /// <summary>
    /// Claims the key: inserts it, or takes over an expired record or a lapsed lease. Returns a row (the attempt
    /// and the resource id) only to the claimant. Taking over an unexpired record of the same request keeps its
    /// resource id, so every attempt of one request creates the same resource.
    /// </summary>
    public const string Claim = """
        INSERT INTO idempotency_records AS r (owner, key, request_method, request_path, request_hash, attempt, resource_id, created_at, locked_until, expires_at)
        VALUES (@owner, @key, @method, @path, @hash, @attempt, @resource_id, @now, @locked_until, @expires_at)
        ON CONFLICT (owner, key) DO UPDATE SET
            resource_id = CASE
                WHEN r.expires_at > @now AND r.resource_id IS NOT NULL AND r.request_method = EXCLUDED.request_method
                    AND r.request_path = EXCLUDED.request_path AND r.request_hash = EXCLUDED.request_hash
                THEN r.resource_id ELSE EXCLUDED.resource_id END,
            request_method = EXCLUDED.request_method, request_path = EXCLUDED.request_path, request_hash = EXCLUDED.request_hash,
            attempt = EXCLUDED.attempt, status_code = NULL, content_type = NULL, location = NULL, response_body = NULL,
            created_at = EXCLUDED.created_at, locked_until = EXCLUDED.locked_until, completed_at = NULL, expires_at = EXCLUDED.expires_at
        WHERE r.expires_at <= @now OR (r.completed_at IS NULL AND r.locked_until <= @now)
        RETURNING attempt, resource_id
        """;

    public const string Read = """
        SELECT request_method, request_path, request_hash, completed_at IS NOT NULL, status_code, content_type, location, response_body, locked_until
        FROM idempotency_records
        WHERE owner = @owner AND key = @key
        """;

    public const string Complete = """
        UPDATE idempotency_records
        SET status_code = @status_code, content_type = @content_type, location = @location, response_body = @body, completed_at = @now
        WHERE owner = @owner AND key = @key AND attempt = @attempt AND completed_at IS NULL
        """;

    /// <summary>Ends the attempt's lease at once; the row stays (with its resource id) for the next attempt to take over.</summary>
    public const string Release = """
        UPDATE idempotency_records SET locked_until = @now
        WHERE owner = @owner AND key = @key AND attempt = @attempt AND completed_at IS NULL
        """;

    public const string Purge = "DELETE FROM idempotency_records WHERE expires_at <= @now";
}
