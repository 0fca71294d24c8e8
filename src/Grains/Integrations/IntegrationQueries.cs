namespace MindPeeker.Grains.Integrations;

/// <summary>The SQL of <see cref="IntegrationStore"/> over the tables of <c>Persistence/Migrations/0007_integrations.sql</c>.</summary>
internal static class IntegrationQueries
{
    /// <summary>Log entries kept per integration; older ones are trimmed on insert.</summary>
    public const int KeptLogEntries = 1000;

    public const string Columns = """
        id, user_id, name, type, platform, status, configuration, credential_fields, credentials, credentials_key_version,
        health, sync, version, created_at, updated_at
        """;

    public const string Load = $"SELECT {Columns} FROM integrations WHERE id = @id";

    public const string Insert = """
        INSERT INTO integrations (id, user_id, name, type, platform, status, configuration, credential_fields, credentials,
                                  credentials_key_version, health, sync, version, created_at, updated_at)
        VALUES (@id, @user_id, @name, @type, @platform, @status, @configuration, @credential_fields, @credentials,
                @credentials_key_version, @health, @sync, @version, @created_at, @updated_at)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>Applied only when the row is still at the version the grain last wrote or read.</summary>
    public const string Update = """
        UPDATE integrations SET
            name = @name, status = @status, configuration = @configuration, credential_fields = @credential_fields,
            credentials = @credentials, credentials_key_version = @credentials_key_version, health = @health, sync = @sync,
            version = @version, updated_at = @updated_at
        WHERE id = @id AND version = @expected_version
        """;

    public const string Delete = "DELETE FROM integrations WHERE id = @id";

    /// <summary>Newest first; the cursor is the last integration of the previous page (ignored when not the user's).</summary>
    public const string List = $"""
        SELECT {Columns} FROM integrations
        WHERE user_id = @user_id AND (@after::uuid IS NULL OR (created_at, id) <
            (SELECT c.created_at, c.id FROM integrations c WHERE c.id = @after AND c.user_id = @user_id))
        ORDER BY created_at DESC, id DESC LIMIT @limit
        """;

    /// <summary>Integrations whose credentials are under another key version than the active one, in id order.</summary>
    public const string StaleKeyVersions = """
        SELECT id FROM integrations
        WHERE credentials IS NOT NULL AND credentials_key_version <> @active AND id > @after
        ORDER BY id LIMIT @limit
        """;

    public const string AppendLog = """
        INSERT INTO integration_logs (integration_id, occurred_at, level, operation, message, latency_ms, status_code, outcome)
        VALUES (@id, @occurred_at, @level, @operation, @message, @latency_ms, @status_code, @outcome);
        DELETE FROM integration_logs WHERE integration_id = @id AND id <= (
            SELECT l.id FROM integration_logs l WHERE l.integration_id = @id ORDER BY l.id DESC OFFSET @keep LIMIT 1)
        """;

    public const string Logs = """
        SELECT occurred_at, level, operation, message, latency_ms, status_code FROM integration_logs
        WHERE integration_id = @id ORDER BY id DESC LIMIT @limit
        """;

    /// <summary>Outbound calls since @since: counts by outcome and latency statistics of the calls that were made.</summary>
    public const string Metrics = """
        SELECT count(*) FILTER (WHERE outcome IN ('succeeded', 'failed')),
               count(*) FILTER (WHERE outcome = 'succeeded'),
               count(*) FILTER (WHERE outcome = 'failed'),
               count(*) FILTER (WHERE outcome = 'rate_limited'),
               avg(latency_ms) FILTER (WHERE outcome IN ('succeeded', 'failed')),
               percentile_cont(0.50) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('succeeded', 'failed')),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('succeeded', 'failed')),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('succeeded', 'failed'))
        FROM integration_logs WHERE integration_id = @id AND occurred_at > @since AND outcome IS NOT NULL
        """;
}
