using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.ApiFrontend.Admin;

/// <summary>
/// <c>GET /v1/admin/runtime</c>: every silo's status, roles and activation counts by grain type, with cluster-wide
/// totals. The top-level silo fields describe the first silo (the only one in a single-silo host). Admins only.
/// </summary>
public static class RuntimeApi
{
    public static RouteGroupBuilder MapRuntimeApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/runtime", GetRuntime).WithName("GetRuntime").RequirePermission(Permissions.Admin, Permissions.Read);
        return admin;
    }

    internal static async Task<Ok<ApiEnvelope<RuntimeSnapshot>>> GetRuntime(HttpContext context, IClusterRuntimeView cluster, TimeProvider time)
    {
        var silos = await cluster.GetSilosAsync(context.RequestAborted);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (grainType, count) in silos.SelectMany(s => s.ActivationsByGrainType))
        {
            counts[grainType] = counts.GetValueOrDefault(grainType) + count;
        }

        var first = silos.Count > 0 ? silos[0] : null;
        var snapshot = new RuntimeSnapshot(
            first?.SiloName ?? "none",
            first?.Status ?? "Unreachable",
            first?.StartedAt,
            counts.Values.Sum(),
            counts,
            silos);
        return TypedResults.Ok(new ApiEnvelope<RuntimeSnapshot>(true, snapshot, "Runtime snapshot.", time.GetUtcNow(), RequestIds.Of(context)));
    }
}

/// <summary>The silo as the admin API reports it.</summary>
public sealed record RuntimeSnapshot(
    string SiloName,
    string Status,
    DateTimeOffset? StartedAt,
    int TotalActivations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType,
    IReadOnlyList<SiloRuntimeReport> Silos);
