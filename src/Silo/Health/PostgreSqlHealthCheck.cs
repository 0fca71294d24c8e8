using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MindPeeker.Silo.Configuration;
using Npgsql;

namespace MindPeeker.Silo.Health;

/// <summary>Ready only while PostgreSQL answers a trivial query within the check's time budget.</summary>
internal sealed class PostgreSqlHealthCheck(IOptions<DatabaseOptions> options) : IHealthCheck, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Timeout = 3 }.ConnectionString);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {exception.Message}");
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
