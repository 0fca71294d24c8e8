using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Admin;
using MindPeeker.ApiFrontend.Dashboard;
using MindPeeker.ApiFrontend.Dashboard.Domain;
using MindPeeker.ApiFrontend.Dashboard.Web;
using MindPeeker.ApiFrontend.DataLifecycle;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Identity;
using MindPeeker.ApiFrontend.Integrations;
using MindPeeker.ApiFrontend.Observability;
using MindPeeker.ApiFrontend.OpenApi;
using MindPeeker.ApiFrontend.RateLimiting;
using MindPeeker.ApiFrontend.Realtime;
using MindPeeker.ApiFrontend.Resilience;
using MindPeeker.ApiFrontend.Sessions;
using MindPeeker.ApiFrontend.Webhooks;

namespace MindPeeker.ApiFrontend;

/// <summary>Composition root of the HTTP front end; the silo calls these in its co-hosted development mode.</summary>
public static class ApiFrontendExtensions
{
    public static IServiceCollection AddApiFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsSetup.Customize);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddHealthChecks();
        services.AddMindPeekerObservability(ObservabilityServiceCollectionExtensions.FrontendServiceName);
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        services.AddIdentityFeature(configuration);
        services.AddRateLimitingFeature(configuration);
        services.AddSessionsFeature(configuration);
        services.AddRealtimeFeature(configuration);
        services.AddIntegrationsFeature();
        services.AddWebhooksFeature();
        services.AddDashboardFeature(configuration);
        services.AddDashboardDomainFeature();
        services.AddOpenApiFeature();
        return services;
    }

    /// <summary>Request ids, problem+json for errors and unmatched routes, authentication, rate limits, authorization.</summary>
    public static IApplicationBuilder UseApiFrontend(this IApplicationBuilder app)
    {
        app.UseHttpMetrics();
        app.Use(RequestIds.AssignAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRealtimeFeature();
        app.UseIdentityFeature();
        app.UseRateLimitingFeature();
        app.UseAuthorization();
        app.UseSessionsFeature();
        return app;
    }

    public static IEndpointRouteBuilder MapApiFrontend(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapMetrics();
        endpoints.MapOpenApiFeature();
        endpoints.MapDashboardWeb();
        endpoints.MapGroup("/v1/admin").MapRuntimeApi().MapCircuitBreakersApi().MapAuditApi().MapDashboardApi().MapDashboardDomainApi();
        endpoints.MapIdentityFeature();
        endpoints.MapRateLimitingFeature();
        endpoints.MapSessionsFeature();
        endpoints.MapRealtimeFeature();
        endpoints.MapDashboardHub();
        endpoints.MapIntegrationsFeature();
        endpoints.MapWebhooksFeature();
        endpoints.MapDataLifecycleFeature();
        return endpoints;
    }
}
