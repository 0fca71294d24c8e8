using Npgsql;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>What PostgreSQL holds for one session: its row, its event log in sequence order and its results.</summary>
internal sealed record SessionRecord(
    Guid Id, string Status, string? Error, int ResultCount, IReadOnlyList<(long Sequence, string Event)> Events, IReadOnlyList<string> ResultTypes)
{
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.Ordinal) { "completed", "failed", "cancelled" };

    public bool IsFinal => FinalStatuses.Contains(Status);

    /// <summary>
    /// Everything that says the session was processed exactly once, as text ("" when all hold): sequences 1..n with no gap,
    /// one <c>created</c> first, one <c>started</c>, one <c>result</c> per analysis type, one terminal event last; one
    /// results row per <c>result</c> event, no analysis type twice, <c>result_count</c> agreeing; completed means all
    /// <paramref name="analysisTypes"/> ran, failed carries an error.
    /// </summary>
    public string ProcessedOnceViolations(int analysisTypes)
    {
        var problems = new List<string>();
        var events = Events.Select(e => e.Event).ToList();
        if (!Events.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, Events.Count).Select(i => (long)i)))
        {
            problems.Add("sequences are not 1..n");
        }

        if (events.FirstOrDefault() != "created" || events.Count(e => e == "created") != 1)
        {
            problems.Add("not exactly one created, first");
        }

        if (events.Count(e => e == "started") != 1)
        {
            problems.Add("not exactly one started");
        }

        var terminal = events.Where(e => FinalStatuses.Contains(e)).ToList();
        if (terminal.Count != 1 || !FinalStatuses.Contains(events.LastOrDefault() ?? string.Empty) || events[^1] != Status)
        {
            problems.Add("not exactly one terminal event, last, matching the status");
        }

        var results = events.Count(e => e == "result");
        if (results != ResultTypes.Count || results != ResultCount || ResultTypes.Distinct(StringComparer.Ordinal).Count() != ResultTypes.Count)
        {
            problems.Add($"{results} result events, {ResultTypes.Count} results rows ({string.Join(",", ResultTypes)}), result_count {ResultCount}");
        }

        if (Status == "completed" && results != analysisTypes)
        {
            problems.Add($"completed with {results} of {analysisTypes} results");
        }

        if (Status == "failed" && string.IsNullOrWhiteSpace(Error))
        {
            problems.Add("failed without an error");
        }

        return problems.Count == 0 ? string.Empty : $"{Id} ({Status}; {string.Join(" ", events)}): {string.Join("; ", problems)}";
    }
}

/// <summary>Reads sessions, their events and results straight from the tables of <c>0004_sessions.sql</c>.</summary>
internal static class SessionAudit
{
    /// <summary>How many of <paramref name="sessionIds"/> are not final yet.</summary>
    public static async Task<long> CountUnfinishedAsync(NpgsqlDataSource database, IReadOnlyCollection<Guid> sessionIds)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM sessions WHERE id = ANY($1) AND status NOT IN ('completed', 'failed', 'cancelled')");
        command.Parameters.AddWithValue(sessionIds.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many of the user's sessions are not final yet.</summary>
    public static async Task<long> CountUnfinishedAsync(NpgsqlDataSource database, Guid userId)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*) FROM sessions WHERE user_id = $1 AND status NOT IN ('completed', 'failed', 'cancelled')");
        command.Parameters.AddWithValue(userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every session of the user, with its events and results.</summary>
    public static async Task<IReadOnlyDictionary<Guid, SessionRecord>> ReadAsync(NpgsqlDataSource database, Guid userId)
    {
        var rows = new Dictionary<Guid, (string Status, string? Error, int ResultCount)>();
        await using (var command = database.CreateCommand("SELECT id, status, error, result_count FROM sessions WHERE user_id = $1"))
        {
            command.Parameters.AddWithValue(userId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetGuid(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3));
            }
        }

        var events = rows.Keys.ToDictionary(id => id, _ => new List<(long, string)>());
        await using (var command = database.CreateCommand(
            "SELECT e.session_id, e.sequence, e.event FROM session_events e JOIN sessions s ON s.id = e.session_id WHERE s.user_id = $1 ORDER BY e.session_id, e.sequence"))
        {
            command.Parameters.AddWithValue(userId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events[reader.GetGuid(0)].Add((reader.GetInt64(1), reader.GetString(2)));
            }
        }

        var results = rows.Keys.ToDictionary(id => id, _ => new List<string>());
        await using (var command = database.CreateCommand(
            "SELECT r.session_id, r.result_type FROM analysis_results r JOIN sessions s ON s.id = r.session_id WHERE s.user_id = $1 ORDER BY r.session_id, r.created_at, r.id"))
        {
            command.Parameters.AddWithValue(userId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                results[reader.GetGuid(0)].Add(reader.GetString(1));
            }
        }

        return rows.ToDictionary(
            r => r.Key,
            r => new SessionRecord(r.Key, r.Value.Status, r.Value.Error, r.Value.ResultCount, events[r.Key], results[r.Key]));
    }
}
