using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Admin;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.ApiFrontend.Http;

namespace MindPeeker.ApiFrontend;

/// <summary>Composition root of the HTTP front end; the silo calls these in its co-hosted development mode.</summary>
public static class ApiFrontendExtensions
{
    public static IServiceCollection AddApiFrontend(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsSetup.Customize);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Request ids, problem+json for errors and unmatched routes.</summary>
    public static IApplicationBuilder UseApiFrontend(this IApplicationBuilder app)
    {
        app.Use(RequestIds.AssignAsync);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static IEndpointRouteBuilder MapApiFrontend(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapGroup("/v1/admin").MapRuntimeApi();
        return endpoints;
    }
}
