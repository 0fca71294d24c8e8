using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Http.Idempotency;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary>Integrations: the /v1/integrations endpoints over integration grains (docs/integrations.md).</summary>
public static class IntegrationsFeature
{
    public static IServiceCollection AddIntegrationsFeature(this IServiceCollection services) => services.AddIdempotencyKeys();

    public static IEndpointRouteBuilder MapIntegrationsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/integrations").MapIntegrationsApi();
        return endpoints;
    }
}
