using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>Maps the data-lifecycle endpoints: GDPR export and erasure (<c>/v1/users/me…</c>, <c>/v1/admin/users/{id}…</c>) and backups (<c>/v1/admin/backups</c>).</summary>
internal static class DataLifecycleFeature
{
    public static IEndpointRouteBuilder MapDataLifecycleFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/users").MapUserDataApi();
        endpoints.MapGroup("/v1/admin").MapAdminUserDataApi().MapBackupsApi();
        return endpoints;
    }
}
