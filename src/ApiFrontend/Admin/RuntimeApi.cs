using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.ApiFrontend.Admin;

/// <summary><c>GET /v1/admin/runtime</c>: the silo's status and activation counts by grain type. Admins only.</summary>
public static class RuntimeApi
{
    public static RouteGroupBuilder MapRuntimeApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/runtime", GetRuntime).WithName("GetRuntime").RequirePermission(Permissions.Admin, Permissions.Read);
        return admin;
    }

    internal static Ok<ApiEnvelope<RuntimeSnapshot>> GetRuntime(HttpContext context, SiloStatistics statistics, TimeProvider time)
    {
        var counts = statistics.GetActivationCountsByGrainType();
        var snapshot = new RuntimeSnapshot(
            statistics.SiloName,
            statistics.Status.ToString(),
            statistics.StartedAt,
            counts.Values.Sum(),
            counts);
        return TypedResults.Ok(new ApiEnvelope<RuntimeSnapshot>(true, snapshot, "Runtime snapshot.", time.GetUtcNow(), RequestIds.Of(context)));
    }
}

/// <summary>The silo as the admin API reports it.</summary>
public sealed record RuntimeSnapshot(
    string SiloName,
    string Status,
    DateTimeOffset? StartedAt,
    int TotalActivations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType);
