using MindPeeker.ApiFrontend.Health;

namespace MindPeeker.Silo.Health;

/// <summary>What a silo without the co-hosted front end serves over HTTP: <c>/health/live</c> and <c>/health/ready</c>.</summary>
internal static class SiloOnlyEndpoints
{
    public static IServiceCollection AddSiloHealthEndpointsOnly(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapSiloHealthEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapHealthEndpoints();
}
