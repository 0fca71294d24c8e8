using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>What the tests read from and do to MindPeeker's tables directly, as an operator with psql would.</summary>
internal static class SessionDatabase
{
    public static async Task<Guid> CreateUserAsync(this PostgreSqlTestDatabase database)
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO users (id, email, username, password_hash) VALUES (@id, @email, @username, 'not-a-real-hash')");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", $"{id:N}@example.test");
        command.Parameters.AddWithValue("username", $"user_{id:N}");
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The session's event log as (sequence, event, status, progress), in sequence order.</summary>
    public static async Task<List<(long Sequence, string Event, string Status, int Progress)>> EventsAsync(this PostgreSqlTestDatabase database, Guid sessionId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT sequence, event, status, progress FROM session_events WHERE session_id = @id ORDER BY sequence");
        command.Parameters.AddWithValue("id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(long, string, string, int)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return events;
    }

    public static async Task<List<string>> ResultTypesAsync(this PostgreSqlTestDatabase database, Guid sessionId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT result_type FROM analysis_results WHERE session_id = @id ORDER BY created_at, id");
        command.Parameters.AddWithValue("id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    /// <summary>The read-model row's status and last sequence, or null when there is no row.</summary>
    public static async Task<(string Status, long LastSequence, bool Deleted)?> ReadModelAsync(this PostgreSqlTestDatabase database, Guid sessionId)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT status, last_sequence, deleted_at IS NOT NULL FROM sessions WHERE id = @id");
        command.Parameters.AddWithValue("id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)) : null;
    }

    /// <summary>Makes PostgreSQL refuse the session's events from <paramref name="fromSequence"/> on, and so every write of those updates, like an outage.</summary>
    public static Task RefuseEventsAsync(this PostgreSqlTestDatabase database, Guid sessionId, long fromSequence) =>
        ExecuteAsync(database, $"""
            CREATE OR REPLACE FUNCTION refuse_session_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'session_events refused by the test'; END $$;
            CREATE TRIGGER refuse_session_event BEFORE INSERT ON session_events FOR EACH ROW
            WHEN (NEW.session_id = '{sessionId}' AND NEW.sequence >= {fromSequence}) EXECUTE FUNCTION refuse_session_event();
            """);

    public static Task AcceptEventsAgainAsync(this PostgreSqlTestDatabase database) =>
        ExecuteAsync(database, "DROP TRIGGER refuse_session_event ON session_events");

    /// <summary>Records an <c>updated</c> event with new metadata behind the grain's back, as another activation would.</summary>
    public static Task WriteMetadataElsewhereAsync(this PostgreSqlTestDatabase database, Guid sessionId, string metadata) =>
        ExecuteAsync(database, $"""
            WITH s AS (
                UPDATE sessions SET metadata = '{metadata}'::jsonb, last_sequence = last_sequence + 1, updated_at = now()
                WHERE id = '{sessionId}' RETURNING id, last_sequence, status, progress)
            INSERT INTO session_events (session_id, sequence, event, status, progress, occurred_at)
            SELECT id, last_sequence, 'updated', status, progress, now() FROM s
            """);

    /// <summary>Removes the session's rows, as an operator cleaning up would.</summary>
    public static Task RemoveAsync(this PostgreSqlTestDatabase database, Guid sessionId) =>
        ExecuteAsync(database, $"DELETE FROM sessions WHERE id = '{sessionId}'");

    private static async Task ExecuteAsync(PostgreSqlTestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
