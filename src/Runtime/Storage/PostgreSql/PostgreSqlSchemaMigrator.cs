using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Brings one database up to date with a list of <see cref="SchemaMigrationSet"/>s: applies each
/// pending migration in its own transaction and records it in <c>schema_migrations</c>. Safe to run
/// from several processes at once (a transaction-scoped advisory lock serializes them, and each
/// re-checks what is applied under the lock) and idempotent. Sets are applied in the order given.
/// </summary>
public sealed class PostgreSqlSchemaMigrator
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<SchemaMigrationSet> _sets;
    private readonly ILogger _logger;
    private readonly string _endpoint;

    public PostgreSqlSchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<SchemaMigrationSet> sets, ILogger<PostgreSqlSchemaMigrator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(sets);
        _dataSource = dataSource;
        _sets = [.. sets];
        var duplicate = _sets.GroupBy(s => s.Component, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Component '{duplicate.Key}' has more than one migration set.", nameof(sets));
        }

        _logger = logger ?? NullLogger<PostgreSqlSchemaMigrator>.Instance;
        _endpoint = PostgreSqlEndpoint.Describe(dataSource.ConnectionString);
    }

    /// <summary>Applies the pending migrations and returns how many this call applied.</summary>
    /// <exception cref="SchemaMigrationException">The database is unreachable, a migration failed, or an applied one was edited.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        var count = 0;
        foreach (var migration in _sets.SelectMany(s => s.Migrations))
        {
            if (applied.Remove((migration.Component, migration.Version), out var record))
            {
                EnsureUnchanged(migration, record.Checksum);
            }
            else if (await ApplyAsync(connection, migration, cancellationToken))
            {
                count++;
            }
        }

        foreach (var ((component, version), record) in applied)
        {
            PostgreSqlSchemaMigratorLog.UnknownMigrationApplied(_logger, _endpoint, component, version, record.Name);
        }

        PostgreSqlSchemaMigratorLog.SchemaUpToDate(_logger, _endpoint, count);
        return count;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new SchemaMigrationException(
                $"Cannot connect to PostgreSQL ({_endpoint}) to apply schema migrations: {e.Message}", e);
        }
    }

    private async Task<Dictionary<(string Component, int Version), AppliedMigration>> ReadAppliedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, cancellationToken);
        await using (var create = new NpgsqlCommand(SchemaMigrationQueries.CreateTable, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new Dictionary<(string, int), AppliedMigration>();
        await using (var read = new NpgsqlCommand(SchemaMigrationQueries.ReadApplied, connection))
        {
            read.Parameters.AddWithValue("components", _sets.Select(s => s.Component).ToArray());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[(reader.GetString(0), reader.GetInt32(1))] = new AppliedMigration(reader.GetString(2), reader.GetString(3));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private async Task<bool> ApplyAsync(NpgsqlConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, cancellationToken);

        // Another silo may have applied it between our first read and taking the lock.
        await using (var check = new NpgsqlCommand(SchemaMigrationQueries.ReadChecksum, connection))
        {
            check.Parameters.AddWithValue("component", migration.Component);
            check.Parameters.AddWithValue("version", migration.Version);
            if (await check.ExecuteScalarAsync(cancellationToken) is string checksum)
            {
                EnsureUnchanged(migration, checksum);
                return false;
            }
        }

        PostgreSqlSchemaMigratorLog.ApplyingMigration(_logger, migration.ToString(), _endpoint);
        try
        {
            await using var apply = new NpgsqlCommand(migration.Sql, connection);
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new SchemaMigrationException(
                $"Schema migration {migration} failed on PostgreSQL ({_endpoint}) and was rolled back: {e.Message}", e);
        }

        await using (var record = new NpgsqlCommand(SchemaMigrationQueries.Record, connection))
        {
            record.Parameters.AddWithValue("component", migration.Component);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        PostgreSqlSchemaMigratorLog.MigrationApplied(_logger, migration.ToString(), _endpoint);
        return true;
    }

    private static async Task LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SchemaMigrationQueries.Lock, connection);
        command.Parameters.AddWithValue("key", SchemaMigrationQueries.LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void EnsureUnchanged(SchemaMigration migration, string appliedChecksum)
    {
        if (!string.Equals(migration.Checksum, appliedChecksum, StringComparison.Ordinal))
        {
            throw new SchemaMigrationException(
                $"Schema migration {migration} was applied to PostgreSQL ({_endpoint}) with checksum {appliedChecksum}, " +
                $"but this build's copy has checksum {migration.Checksum}. Applied migrations must not be edited; " +
                "add a migration with a new version instead.");
        }
    }

    private sealed record AppliedMigration(string Name, string Checksum);
}
