using System.Data.Common;
using MindPeeker.Runtime.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// The membership table of cluster <paramref name="clusterId"/> in PostgreSQL (<c>cluster_membership</c> and
/// <c>cluster_membership_version</c>, created by <see cref="ClusterSchema.Migrations"/>). Each insert or
/// update is one explicit transaction holding both the row write and the version compare-and-swap, rolled
/// back unless both affected exactly one row, so the version never moves without the row nor the row
/// without the version. Thread-safe; does not own <paramref name="dataSource"/>.
/// </summary>
public sealed class PostgreSqlMembershipTable(NpgsqlDataSource dataSource, string clusterId) : IMembershipTable
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
    private readonly string _clusterId = !string.IsNullOrWhiteSpace(clusterId)
        ? clusterId
        : throw new ArgumentException("A cluster id is required.", nameof(clusterId));

    public string ClusterId => _clusterId;

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(MembershipQueries.ReadAll, address: null, cancellationToken);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return ReadAsync(MembershipQueries.ReadRow, silo, cancellationToken);
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, long expectedTableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var insert = new NpgsqlBatchCommand(MembershipQueries.InsertRow);
        AddRowParameters(insert.Parameters, entry);
        insert.Parameters.Add(new NpgsqlParameter<string>("host", entry.Address.Host));
        insert.Parameters.Add(new NpgsqlParameter<int>("port", entry.Address.Port));
        insert.Parameters.Add(new NpgsqlParameter<int>("generation", entry.Address.Generation));
        insert.Parameters.Add(new NpgsqlParameter<string>("silo_name", entry.SiloName));
        insert.Parameters.Add(new NpgsqlParameter<string>("host_name", entry.HostName));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("roles", [.. entry.Roles]));
        insert.Parameters.Add(new NpgsqlParameter<bool>("is_gateway", entry.IsGateway));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("start_time", entry.StartTime.ToUniversalTime()));
        return ChangeAsync(insert, expectedTableVersion, cancellationToken);
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, int rowETag, long expectedTableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var update = new NpgsqlBatchCommand(MembershipQueries.UpdateRow);
        AddRowParameters(update.Parameters, entry);
        update.Parameters.Add(new NpgsqlParameter<int>("etag", rowETag));
        return ChangeAsync(update, expectedTableVersion, cancellationToken);
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = CreateCommand(MembershipQueries.UpdateIAmAlive);
        command.Parameters.Add(new NpgsqlParameter<string>("address", entry.Address.ToString()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("i_am_alive_time", entry.IAmAliveTime.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(MembershipQueries.CleanupDefunct);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", beforeDate.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteClusterAsync(CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(MembershipQueries.DeleteCluster);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> ChangeAsync(NpgsqlBatchCommand rowWrite, long expectedTableVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var ensure = new NpgsqlBatchCommand(MembershipQueries.EnsureVersionRow);
        ensure.Parameters.Add(ClusterIdParameter());
        var bump = new NpgsqlBatchCommand(MembershipQueries.BumpVersion);
        bump.Parameters.Add(ClusterIdParameter());
        bump.Parameters.Add(new NpgsqlParameter<long>("expected_version", expectedTableVersion));
        rowWrite.Parameters.Add(ClusterIdParameter());
        batch.BatchCommands.Add(ensure);
        batch.BatchCommands.Add(bump);
        batch.BatchCommands.Add(rowWrite);
        await batch.ExecuteNonQueryAsync(cancellationToken);

        if (bump.RecordsAffected != 1 || rowWrite.RecordsAffected != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<MembershipTableData> ReadAsync(string sql, SiloAddress? address, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        if (address is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("address", address.ToString()));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long version = 0;
        var rows = new List<MembershipTableRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            if (!await reader.IsDBNullAsync(1, cancellationToken))
            {
                rows.Add(ReadRow(reader));
            }
        }

        return new MembershipTableData(version, rows);
    }

    private static MembershipTableRow ReadRow(DbDataReader reader)
    {
        var entry = new MembershipEntry
        {
            Address = SiloAddress.Parse(reader.GetString(1)),
            SiloName = reader.GetString(2),
            HostName = reader.GetString(3),
            Status = (SiloStatus)reader.GetInt16(4),
            Roles = reader.GetFieldValue<string[]>(5),
            IsGateway = reader.GetBoolean(6),
            SuspectTimes = SuspectTimesJson.Deserialize(reader.GetString(7)),
            StartTime = reader.GetFieldValue<DateTimeOffset>(8),
            IAmAliveTime = reader.GetFieldValue<DateTimeOffset>(9),
        };
        return new MembershipTableRow(entry, reader.GetInt32(10));
    }

    private static void AddRowParameters(NpgsqlParameterCollection parameters, MembershipEntry entry)
    {
        parameters.Add(new NpgsqlParameter<string>("address", entry.Address.ToString()));
        parameters.Add(new NpgsqlParameter<short>("status", (short)entry.Status));
        parameters.Add(new NpgsqlParameter("suspect_times", NpgsqlDbType.Jsonb) { Value = SuspectTimesJson.Serialize(entry.SuspectTimes) });
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("i_am_alive_time", entry.IAmAliveTime.ToUniversalTime()));
    }

    private NpgsqlCommand CreateCommand(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(ClusterIdParameter());
        return command;
    }

    private NpgsqlParameter<string> ClusterIdParameter() => new("cluster_id", _clusterId);
}
