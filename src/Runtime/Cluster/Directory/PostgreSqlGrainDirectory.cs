using Npgsql;

namespace MindPeeker.Runtime.Cluster.Directory;

/// <summary>
/// The grain directory in the PostgreSQL table <c>grain_directory</c> (created by <see cref="ClusterSchema.Migrations"/>),
/// with the semantics of Orleans' PostgreSQL directory: first writer wins, a row is removed only by the
/// activation that registered it, rows of dead silos are purged. Each operation is one statement (a
/// registration that loses a race re-reads the winner with a second one). Rows are scoped by cluster id,
/// so clusters sharing a database never see each other's grains. Thread-safe.
/// </summary>
public sealed class PostgreSqlGrainDirectory : IGrainDirectory
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    public PostgreSqlGrainDirectory(NpgsqlDataSource dataSource, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _dataSource = dataSource;
        _clusterId = clusterId;
    }

    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address is for {previousAddress.GrainId}, not {address.GrainId}.", nameof(previousAddress));
        }

        // An empty answer means the winner committed after this statement's snapshot was taken: ask again.
        while (true)
        {
            await using var command = _dataSource.CreateCommand(
                previousAddress is null ? GrainDirectoryQueries.Register : GrainDirectoryQueries.RegisterReplacingPrevious);
            AddKey(command, address.GrainId);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.Silo.ToString() });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = address.ActivationId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = address.MembershipVersion });
            if (previousAddress is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = previousAddress.Silo.ToString() });
                command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = previousAddress.ActivationId });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return reader.GetBoolean(0) ? address : ReadAddress(reader, address.GrainId, firstColumn: 1);
            }
        }
    }

    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(GrainDirectoryQueries.Lookup);
        AddKey(command, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAddress(reader, grainId, firstColumn: 0) : null;
    }

    public async Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var command = _dataSource.CreateCommand(GrainDirectoryQueries.Unregister);
        AddKey(command, address.GrainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.Silo.ToString() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = address.ActivationId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
        {
            return 0;
        }

        await using var command = _dataSource.CreateCommand(GrainDirectoryQueries.UnregisterSilos);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. silos.Select(s => s.ToString())] });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddKey(NpgsqlCommand command, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is empty.", nameof(grainId));
        }

        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
    }

    private static GrainAddress ReadAddress(NpgsqlDataReader reader, GrainId grainId, int firstColumn) =>
        new(grainId, SiloAddress.Parse(reader.GetString(firstColumn)), reader.GetGuid(firstColumn + 1), reader.GetInt64(firstColumn + 2));
}
