using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Admin;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Identity;
using MindPeeker.ApiFrontend.Integrations;
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
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        services.AddIdentityFeature(configuration);
        services.AddRateLimitingFeature(configuration);
        services.AddSessionsFeature(configuration);
        services.AddRealtimeFeature(configuration);
        services.AddIntegrationsFeature();
        services.AddWebhooksFeature();
        return services;
    }

    /// <summary>Request ids, problem+json for errors and unmatched routes, authentication, rate limits, authorization.</summary>
    public static IApplicationBuilder UseApiFrontend(this IApplicationBuilder app)
    {
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
        endpoints.MapGroup("/v1/admin").MapRuntimeApi().MapCircuitBreakersApi().MapAuditApi();
        endpoints.MapIdentityFeature();
        endpoints.MapRateLimitingFeature();
        endpoints.MapSessionsFeature();
        endpoints.MapRealtimeFeature();
        endpoints.MapIntegrationsFeature();
        endpoints.MapWebhooksFeature();
        return endpoints;
    }
}
