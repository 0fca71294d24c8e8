using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Runs <see cref="PostgreSqlSchemaMigrator"/> with every registered <see cref="SchemaMigrationSet"/> once
/// per distinct database of the PostgreSQL grain storage providers, and fails start-up when it cannot.
/// With no such provider there is nowhere to apply them: it warns and lets the silo start.
/// Hosted services start in registration order, so it runs before services registered after it (the silo).
/// </summary>
internal sealed class SchemaMigrationHostedService(
    IServiceProvider services,
    IEnumerable<PostgreSqlGrainStorageRegistration> storages,
    IEnumerable<SchemaMigrationSet> sets,
    IOptionsMonitor<PostgreSqlGrainStorageOptions> options,
    ILogger<PostgreSqlSchemaMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrationSets = sets.ToArray();
        if (!storages.Any())
        {
            PostgreSqlSchemaMigratorLog.NoDatabase(logger, string.Join(", ", migrationSets.Select(s => s.Component)));
            return;
        }

        var migrated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var storage in storages)
        {
            if (migrated.Add(options.Get(storage.Name).ConnectionString))
            {
                var dataSource = services.GetRequiredKeyedService<NpgsqlDataSource>(storage);
                await new PostgreSqlSchemaMigrator(dataSource, migrationSets, logger).MigrateAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
