using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Observability.Logging;
using MindPeeker.ApiFrontend.Observability.Metrics;
using MindPeeker.ApiFrontend.Observability.Tracing;

namespace MindPeeker.ApiFrontend.Observability;

/// <summary>Metrics (<c>/metrics</c>), OTLP tracing and the <c>mindpeeker-json</c> log format of a MindPeeker process (docs/observability.md).</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The service name of silo processes (logs' <c>service</c>, traces' <c>service.name</c>).</summary>
    public const string SiloServiceName = "mindpeeker-silo";

    /// <summary>The service name of front end processes.</summary>
    public const string FrontendServiceName = "mindpeeker-frontend";

    /// <summary>
    /// Registers the metrics collector (with HTTP and process instruments), the optional unauthenticated scrape
    /// listener (<c>Metrics:InternalPort</c>), the OTLP trace exporter (only active when an endpoint is configured) and
    /// the <c>mindpeeker-json</c> console formatter. Idempotent: a co-hosted process calls it for the silo and the front
    /// end, and the first <paramref name="serviceName"/> wins unless configuration names one.
    /// </summary>
    public static IServiceCollection AddMindPeekerObservability(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.SectionName).Configure(options => options.ServiceName ??= serviceName);
        services.TryAddSingleton<PrometheusMetricsCollector>();
        services.TryAddSingleton<HttpMetrics>();
        services.TryAddSingleton<GpuUtilization>();
        services.TryAddSingleton<ProcessMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricsStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InternalMetricsListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TracingExporter>());
        services.AddLogging(logging => logging.AddConsoleFormatter<JsonLogFormatter, JsonLogFormatterOptions>());
        services.Configure<JsonLogFormatterOptions>(options => options.ServiceName ??= serviceName);
        return services;
    }

    /// <summary>Times every request for <c>http_requests_total</c> and <c>http_request_duration_seconds</c>; call first in the pipeline.</summary>
    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app) => app.UseMiddleware<HttpMetricsMiddleware>();

    /// <summary>Maps <c>GET /metrics</c> for administrators on the main HTTP port.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints) => endpoints.MapMetricsEndpoint();
}
