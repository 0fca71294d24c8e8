using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Dashboard.Logs;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// The dashboard's domain pages under <c>/v1/admin/dashboard</c>, admins only (<c>admin:read</c>): <c>rate-limits</c>,
/// <c>webhooks</c>, <c>sessions</c> and the live log tail <c>logs</c>, each collected from every silo on demand.
/// </summary>
internal static class DomainDashboardApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder admin)
    {
        var dashboard = admin.MapGroup("/dashboard").RequirePermission(Permissions.Admin, Permissions.Read);
        dashboard.MapGet("/rate-limits", GetRateLimits).WithName("GetDashboardRateLimits");
        dashboard.MapGet("/webhooks", GetWebhooks).WithName("GetDashboardWebhooks");
        dashboard.MapGet("/sessions", GetSessions).WithName("GetDashboardSessions");
        dashboard.MapGet("/logs", LogTailApi.GetLogs).WithName("GetDashboardLogs");
        return admin;
    }

    internal static async Task<Results<Ok<ApiEnvelope<DashboardRateLimits>>, ValidationProblem>> GetRateLimits(
        HttpContext context, RateLimitDashboard dashboard, [FromQuery] string? top)
    {
        var errors = new Dictionary<string, string[]>();
        var count = QueryNumber.Read(top, "top", RateLimitDashboard.DefaultTop, 1, RateLimitDashboard.MaxTop, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        return ApiResults.Ok(context, await dashboard.CollectAsync(count, context.RequestAborted), "Rate-limit buckets.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<DashboardWebhooks>>, ValidationProblem>> GetWebhooks(
        HttpContext context, WebhookDashboard dashboard, [FromQuery(Name = "dead_limit")] string? deadLimit)
    {
        var errors = new Dictionary<string, string[]>();
        var count = QueryNumber.Read(deadLimit, "dead_limit", WebhookDashboard.DefaultDeadLimit, 0, WebhookDashboard.MaxDeadLimit, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        return ApiResults.Ok(context, await dashboard.CollectAsync(count, context.RequestAborted), "Webhook deliveries.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<DashboardSessions>>, ValidationProblem>> GetSessions(
        HttpContext context, SessionDashboard dashboard, [FromQuery] string? minutes)
    {
        var errors = new Dictionary<string, string[]>();
        var window = QueryNumber.Read(minutes, "minutes", SessionDashboard.DefaultMinutes, 1, SessionDashboard.MaxMinutes, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        return ApiResults.Ok(context, await dashboard.CollectAsync(window, context.RequestAborted), "Session throughput and latency.");
    }
}
