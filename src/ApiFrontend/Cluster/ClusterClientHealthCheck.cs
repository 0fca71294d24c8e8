using Microsoft.Extensions.Diagnostics.HealthChecks;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.ApiFrontend.Cluster;

/// <summary>Ready while at least one gateway silo is active in the membership table.</summary>
internal sealed class ClusterClientHealthCheck(IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = membership.CurrentSnapshot.ActiveGateways.Count;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"{gateways} active gateway silos.")
            : HealthCheckResult.Unhealthy("No active gateway silo in the membership table."));
    }
}
