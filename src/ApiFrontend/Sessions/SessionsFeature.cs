using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Http.Idempotency;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>Sessions: the /v1/sessions endpoints over session grains and the read model: registration and endpoints.</summary>
public static class SessionsFeature
{
    public static IServiceCollection AddSessionsFeature(this IServiceCollection services, IConfiguration configuration) =>
        services.AddIdempotencyKeys();

    public static IApplicationBuilder UseSessionsFeature(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapSessionsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/sessions").MapSessionsApi();
        return endpoints;
    }
}
