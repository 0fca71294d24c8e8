using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// Brings the reminder table's database up to <see cref="ClusterSchema.Migrations"/> before the reminder
/// service and the silo start; idempotent and safe beside other silos and the storage migrator.
/// </summary>
internal sealed class ReminderSchemaMigration(NpgsqlDataSource dataSource, ILogger<PostgreSqlSchemaMigrator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        new PostgreSqlSchemaMigrator(dataSource, [ClusterSchema.Migrations], logger).MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
