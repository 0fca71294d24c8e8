using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The dashboard's data endpoints under <c>/v1/admin/dashboard</c>, admins only (<c>admin:read</c>): overview, grains,
/// grain inspector and reminders. Overview and grains collect on demand when no admin hub connection keeps them fresh.
/// </summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder admin)
    {
        var dashboard = admin.MapGroup("/dashboard").RequirePermission(Permissions.Admin, Permissions.Read);
        dashboard.MapGet("/overview", GetOverview).WithName("GetDashboardOverview");
        dashboard.MapGet("/grains", GetGrains).WithName("GetDashboardGrains");
        dashboard.MapGet("/grains/{grainType}/{**key}", InspectGrain).WithName("InspectGrain");
        dashboard.MapGet("/reminders", ListReminders).WithName("ListDashboardReminders");
        return admin;
    }

    internal static async Task<Ok<ApiEnvelope<DashboardOverview>>> GetOverview(HttpContext context, DashboardCollector collector)
    {
        var snapshot = await collector.GetCurrentAsync(context.RequestAborted);
        return ApiResults.Ok(context, snapshot.Overview, "Dashboard overview.");
    }

    internal static async Task<Ok<ApiEnvelope<DashboardGrains>>> GetGrains(HttpContext context, DashboardCollector collector)
    {
        var snapshot = await collector.GetCurrentAsync(context.RequestAborted);
        return ApiResults.Ok(context, snapshot.Grains, "Dashboard grains.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<GrainInspectionResponse>>, ProblemHttpResult>> InspectGrain(
        HttpContext context, ISiloControl control, string grainType, string key)
    {
        grainType = Uri.UnescapeDataString(grainType);
        key = Uri.UnescapeDataString(key);
        var argument = JsonSerializer.SerializeToElement(new GrainInspectionRequest(grainType, key));
        var answers = await control.AskAllAsync(DashboardControlNames.Grain, argument, context.RequestAborted);
        var inspections = answers
            .Where(a => a.Result is not null)
            .Select(a => (Answer: a, Inspection: a.Result!.Value.Deserialize<GrainInspection>()!))
            .ToList();
        if (inspections.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable",
                detail: "No silo answered the grain lookup; try again.");
        }

        if (!inspections.Any(i => i.Inspection.KnownType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: string.Create(CultureInfo.InvariantCulture, $"No grain type '{grainType}' is known to the cluster."));
        }

        if (inspections.Select(i => i.Inspection.KeyError).FirstOrDefault(e => e is not null) is { } keyError)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: keyError);
        }

        var grainId = inspections[0].Inspection.GrainId;
        var normalizedKey = grainId[(grainId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var home = inspections.FirstOrDefault(i => i.Inspection.Activated);
        var response = home.Inspection is { } found
            ? new GrainInspectionResponse(found.GrainId, grainType, normalizedKey, true, home.Answer.Silo, home.Answer.SiloName, found.ActivationId, found.States)
            : new GrainInspectionResponse(grainId, grainType, normalizedKey, false, null, null, null, null);
        return ApiResults.Ok(context, response, response.Activated ? "The grain is activated." : "The grain is not activated.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<ReminderResponse>>>, ValidationProblem>> ListReminders(
        HttpContext context,
        ISiloControl control,
        [FromQuery] string? limit,
        [FromQuery(Name = "starting_after")] string? startingAfter)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListQuery.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > ListQuery.MaxLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {ListQuery.MaxLimit}."];
        }

        (string GrainId, string Name)? cursor = null;
        if (startingAfter is not null)
        {
            cursor = ReminderCursor.TryParse(startingAfter);
            if (cursor is null)
            {
                errors["starting_after"] = ["Must be the next_cursor of a previous page."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var answers = await control.AskAllAsync(DashboardControlNames.Reminders, default, context.RequestAborted);
        var all = answers
            .Where(a => a.Result is not null)
            .SelectMany(a => a.Result!.Value.Deserialize<List<ReminderListing>>()!.Select(r =>
                new ReminderResponse(r.GrainId, r.Name, r.Period.TotalSeconds, r.StartAt, r.NextDue, a.Silo, a.SiloName)))
            .DistinctBy(r => (r.GrainId, r.Name))
            .OrderBy(r => r.GrainId, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Where(r => cursor is not { } c
                || string.CompareOrdinal(r.GrainId, c.GrainId) > 0
                || (string.Equals(r.GrainId, c.GrainId, StringComparison.Ordinal) && string.CompareOrdinal(r.Name, c.Name) > 0))
            .Take(pageSize + 1)
            .ToList();
        var hasMore = all.Count > pageSize;
        var items = all.Take(pageSize).ToList();
        var next = hasMore ? ReminderCursor.Format(items[^1].GrainId, items[^1].Name) : null;
        return ApiResults.Ok(context, new ListResponse<ReminderResponse>(items, hasMore, next), "Reminders.");
    }
}
