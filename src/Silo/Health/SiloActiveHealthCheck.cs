using Microsoft.Extensions.Diagnostics.HealthChecks;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Silo.Health;

/// <summary>Ready only while the local silo is Active.</summary>
internal sealed class SiloActiveHealthCheck(SiloStatistics statistics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(statistics.Status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {statistics.SiloName} is active with {statistics.ActivationCount} activations.")
            : HealthCheckResult.Unhealthy($"Silo {statistics.SiloName} is {statistics.Status}."));
}
