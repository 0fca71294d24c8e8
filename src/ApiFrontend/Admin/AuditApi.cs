using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Admin;

/// <summary>
/// <c>GET /v1/admin/audit</c>: the append-only audit log, newest first, filtered by <c>user</c>, <c>action</c> (exact
/// or <c>prefix.*</c>), <c>resource</c> (<c>type</c> or <c>type:id</c>) and <c>since</c>/<c>until</c>, paged with
/// <c>limit</c>/<c>starting_after</c>. Admins only (<c>admin:read</c>); read through <see cref="IAuditLogGrain"/>.
/// </summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", List).RequirePermission(Permissions.Admin, Permissions.Read).WithName("ListAuditEntries");
        return admin;
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<AuditEntryResponse>>>, ValidationProblem>> List(
        HttpContext context,
        IGrainFactory grains,
        [FromQuery] string? limit,
        [FromQuery(Name = "starting_after")] string? startingAfter,
        [FromQuery] string? user,
        [FromQuery] string? action,
        [FromQuery] string? resource,
        [FromQuery] string? since,
        [FromQuery] string? until)
    {
        var errors = AuditQueryParameters.TryRead(limit, startingAfter, user, action, resource, since, until, out var query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var page = await grains.GetGrain<IAuditLogGrain>(0).Query(query);
        if (!page.CursorFound)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["starting_after"] = ["No audit entry has this id; use an id from a previous page."] },
                detail: "The query is invalid; see errors.");
        }

        var items = page.Items.Select(AuditEntryResponse.From).ToList();
        var next = page.HasMore ? items[^1].Id : null;
        return ApiResults.Ok(context, new ListResponse<AuditEntryResponse>(items, page.HasMore, next), "Audit entries.");
    }
}
