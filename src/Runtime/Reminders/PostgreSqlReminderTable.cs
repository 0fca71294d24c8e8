using System.Globalization;
using MindPeeker.Runtime.Cluster;
using Npgsql;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// Reminders in the PostgreSQL table <c>reminders</c> (created by <see cref="ClusterSchema.Migrations"/>),
/// scoped by cluster id. The ETag is the row's version as text; each operation is one statement. Times are
/// stored with microsecond precision (PostgreSQL's), periods in whole milliseconds. Thread-safe.
/// </summary>
public sealed class PostgreSqlReminderTable : IReminderTable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    public PostgreSqlReminderTable(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.FromMilliseconds(1));
        await using var command = CreateCommand(ReminderQueries.Upsert, entry.GrainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)entry.Period.TotalMilliseconds });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ConsistentRing.GetHash(entry.GrainId) });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        await using var command = CreateCommand(ReminderQueries.Remove, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        await using var command = CreateCommand(ReminderQueries.ReadRow, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ReminderQueries.ReadGrainRows, grainId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(IReadOnlyList<RingRange> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand(ReminderQueries.ReadRangeRows);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ranges.Select(r => (long)r.Begin)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. ranges.Select(r => (long)r.End)] });
        return await ReadAsync(command, cancellationToken);
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is empty.", nameof(grainId));
        }

        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return command;
    }

    private static async Task<List<ReminderEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTimeOffset>(2),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return rows;
    }
}
