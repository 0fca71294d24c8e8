using MindPeeker.Grains.Abstractions.Dashboard;
using Npgsql;

namespace MindPeeker.Grains.Dashboard.Sessions;

/// <summary>
/// The dashboard's reads of <c>sessions</c> (migrations 0004, 0014): range scans by <c>created_at</c> and
/// <c>completed_at</c> over the window, and the unfinished sessions' partial index.
/// </summary>
internal static class SessionDashboardQueries
{
    private const string Origin = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    public static async Task<SessionStats> ReadAsync(NpgsqlDataSource db, DateTimeOffset now, int minutes, CancellationToken cancellationToken)
    {
        // Whole minutes: the window starts at the beginning of the minute `minutes - 1` before the current one.
        var currentMinute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var since = currentMinute - TimeSpan.FromMinutes(minutes - 1);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    $"SELECT date_bin('1 minute', created_at, {Origin}), session_type, count(*) FROM sessions WHERE created_at >= $1 AND created_at <= $2 GROUP BY 1, 2")
                {
                    Parameters = { new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = now } },
                },
                new NpgsqlBatchCommand(
                    $"SELECT date_bin('1 minute', completed_at, {Origin}), session_type, status, count(*) FROM sessions "
                    + "WHERE completed_at IS NOT NULL AND completed_at >= $1 AND completed_at <= $2 GROUP BY 1, 2, 3")
                {
                    Parameters = { new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = now } },
                },
                new NpgsqlBatchCommand(
                    "SELECT session_type, status, count(*) FROM sessions WHERE created_at >= $1 AND created_at <= $2 GROUP BY 1, 2 ORDER BY 1, 2")
                {
                    Parameters = { new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = now } },
                },
                new NpgsqlBatchCommand(
                    "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'processing') FROM sessions "
                    + "WHERE status IN ('pending', 'processing') AND deleted_at IS NULL"),
                new NpgsqlBatchCommand(Percentiles("started_at - created_at", "created_at >= $1 AND created_at <= $2 AND started_at IS NOT NULL"))
                {
                    Parameters = { new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = now } },
                },
                new NpgsqlBatchCommand(Percentiles(
                    "completed_at - started_at", "completed_at IS NOT NULL AND completed_at >= $1 AND completed_at <= $2 AND status = 'completed' AND started_at IS NOT NULL"))
                {
                    Parameters = { new NpgsqlParameter { Value = since }, new NpgsqlParameter { Value = now } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var perMinute = new Dictionary<(DateTimeOffset, string), SessionMinuteCounts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1));
            perMinute[key] = new SessionMinuteCounts(key.Item1, key.Item2, reader.GetInt64(2), 0, 0, 0);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1));
            var counts = perMinute.TryGetValue(key, out var existing) ? existing : new SessionMinuteCounts(key.Item1, key.Item2, 0, 0, 0, 0);
            var count = reader.GetInt64(3);
            perMinute[key] = reader.GetString(2) switch
            {
                "completed" => counts with { Completed = counts.Completed + count },
                "failed" => counts with { Failed = counts.Failed + count },
                "cancelled" => counts with { Cancelled = counts.Cancelled + count },
                _ => counts,
            };
        }

        await reader.NextResultAsync(cancellationToken);
        var byStatus = new List<SessionStatusCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            byStatus.Add(new SessionStatusCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (pending, processing) = (reader.GetInt64(0), reader.GetInt64(1));

        await reader.NextResultAsync(cancellationToken);
        var queueTime = await ReadPercentilesAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var latency = await ReadPercentilesAsync(reader, cancellationToken);

        return new SessionStats(
            now,
            minutes,
            [.. perMinute.Values.OrderBy(m => m.Minute).ThenBy(m => m.SessionType, StringComparer.Ordinal)],
            byStatus,
            pending,
            processing,
            queueTime,
            latency);
    }

    /// <summary>Per type and for all types (the ROLLUP row, type null, ordered first): count and p50/p95/p99 in milliseconds.</summary>
    private static string Percentiles(string duration, string where) =>
        $"SELECT session_type, count(*), percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM {duration}) * 1000) "
        + $"FROM sessions WHERE {where} GROUP BY ROLLUP (session_type) ORDER BY session_type NULLS FIRST";

    private static async Task<List<SessionDurationPercentiles>> ReadPercentilesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<SessionDurationPercentiles>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.IsDBNull(0) ? null : reader.GetString(0);
            var count = reader.GetInt64(1);
            var values = reader.IsDBNull(2) ? null : reader.GetFieldValue<double[]>(2);
            rows.Add(new SessionDurationPercentiles(type, count, Round(values, 0), Round(values, 1), Round(values, 2)));
        }

        if (rows.Count == 0 || rows[0].SessionType is not null)
        {
            // No session in the window: ROLLUP over no rows still yields nothing, so the all-types row is added empty.
            rows.Insert(0, new SessionDurationPercentiles(null, 0, null, null, null));
        }

        return rows;
    }

    private static double? Round(double[]? values, int index) => values is null ? null : Math.Round(values[index], 1);
}
