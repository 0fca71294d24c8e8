namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// The statements of <see cref="PostgreSqlReminderTable"/> over <c>reminders</c> (Cluster/Migrations/0003_reminders.sql).
/// Parameters are positional; $1 is always the cluster id.
/// </summary>
internal static class ReminderQueries
{
    private const string Columns = "grain_id, reminder_name, start_time, period, version";

    /// <summary>$2 grain, $3 name, $4 start, $5 period (ms), $6 grain hash. A new row starts at version 1; a replaced one counts on.</summary>
    public const string Upsert = """
        INSERT INTO reminders AS r (cluster_id, grain_id, reminder_name, start_time, period, grain_hash, version)
        VALUES ($1, $2, $3, $4, $5, $6, 1)
        ON CONFLICT (cluster_id, grain_id, reminder_name) DO UPDATE
            SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash, version = r.version + 1
        RETURNING version
        """;

    /// <summary>$2 grain, $3 name, $4 version: deletes nothing when the row changed since it was read.</summary>
    public const string Remove = """
        DELETE FROM reminders WHERE cluster_id = $1 AND grain_id = $2 AND reminder_name = $3 AND version = $4
        """;

    public const string ReadRow = $"""
        SELECT {Columns} FROM reminders WHERE cluster_id = $1 AND grain_id = $2 AND reminder_name = $3
        """;

    public const string ReadGrainRows = $"""
        SELECT {Columns} FROM reminders WHERE cluster_id = $1 AND grain_id = $2 ORDER BY reminder_name
        """;

    /// <summary>
    /// $2 range begins, $3 range ends (bigint arrays of unsigned 32-bit hashes): a range is exclusive of its
    /// begin and inclusive of its end, and wraps around zero when begin ≥ end (begin = end is the whole ring).
    /// </summary>
    public const string ReadRangeRows = $"""
        SELECT {Columns} FROM reminders r
        WHERE r.cluster_id = $1
          AND EXISTS (
              SELECT 1 FROM unnest($2::bigint[], $3::bigint[]) AS range(b, e)
              WHERE (range.b < range.e AND r.grain_hash > range.b AND r.grain_hash <= range.e)
                 OR (range.b >= range.e AND (r.grain_hash > range.b OR r.grain_hash <= range.e)))
        """;
}
