using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// Times every request and records it in <see cref="HttpMetrics"/>. Runs first in the pipeline (after the implicit
/// routing step, so the matched endpoint is known before the exception handler may clear it); the status is the one
/// sent, including 500s written by the exception handler.
/// </summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, HttpMetrics metrics, TimeProvider timeProvider)
{
    public const string UnmatchedRoute = "unmatched";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var route = RouteLabels.Of(context.GetEndpoint());
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            route ??= RouteLabels.Of(context.GetEndpoint()) ?? UnmatchedRoute;
            metrics.Record(context.Request.Method, route, context.Response.StatusCode, timeProvider.GetElapsedTime(started).TotalSeconds);
            if (Activity.Current is { IsAllDataRequested: true } activity && string.Equals(activity.Source.Name, Tracing.ActivitySourceNames.AspNetCore, StringComparison.Ordinal))
            {
                // ASP.NET Core names its request span after nothing useful; the route template is what groups traces.
                activity.DisplayName = context.Request.Method + " " + route;
                activity.SetTag("http.route", route);
            }
        }
    }
}
