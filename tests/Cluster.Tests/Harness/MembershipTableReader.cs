using Npgsql;

namespace MindPeeker.Cluster.Tests.Harness;

/// <summary>Reads and (to simulate an operator or a partition) writes the membership table directly with SQL.</summary>
internal sealed class MembershipTableReader(NpgsqlDataSource dataSource, string clusterId)
{
    public async Task<IReadOnlyList<MembershipRow>> ReadAsync()
    {
        const string Sql = """
            SELECT address, status, ARRAY(SELECT v->>'voter' FROM jsonb_array_elements(suspect_times) v)
            FROM cluster_membership WHERE cluster_id = @cluster ORDER BY address
            """;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MembershipRow(reader.GetString(0), reader.GetInt16(1), reader.GetFieldValue<string[]>(2)));
        }

        return rows;
    }

    public async Task<MembershipRow?> FindAsync(string address) => (await ReadAsync()).SingleOrDefault(r => r.Address == address);

    /// <summary>Marks <paramref name="address"/> Dead and moves the cluster's version, in one transaction, as a voting silo would.</summary>
    public async Task DeclareDeadAsync(string address)
    {
        const string Sql = """
            UPDATE cluster_membership SET status = 6, etag = etag + 1 WHERE cluster_id = @cluster AND address = @address;
            UPDATE cluster_membership_version SET version = version + 1 WHERE cluster_id = @cluster;
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("address", address);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
