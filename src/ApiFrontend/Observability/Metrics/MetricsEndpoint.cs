using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary><c>GET /metrics</c>: this process's metrics in the Prometheus text format (administrators on the main port).</summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Serve)
            .RequirePermission(Permissions.Admin, Permissions.Read)
            .ExcludeFromDescription()
            .WithName("GetMetrics");
        return endpoints;
    }

    /// <summary>Writes the scrape; shared by the admin endpoint and the internal listener.</summary>
    public static IResult Serve(HttpContext context) =>
        Results.Text(context.RequestServices.GetRequiredService<PrometheusMetricsCollector>().Scrape(), PrometheusTextFormat.ContentType);
}
