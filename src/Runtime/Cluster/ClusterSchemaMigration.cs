using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// Brings a database used for clustering or reminders up to <see cref="ClusterSchema.Migrations"/> before the
/// silo starts, whatever its grain storage is; idempotent and safe beside other silos and the storage migrator.
/// </summary>
internal sealed class ClusterSchemaMigration(NpgsqlDataSource dataSource, ILogger<PostgreSqlSchemaMigrator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        new PostgreSqlSchemaMigrator(dataSource, [ClusterSchema.Migrations], logger).MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
