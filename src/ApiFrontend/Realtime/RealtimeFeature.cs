using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>Real time: the SignalR hub at /v1/ws and the observer that feeds it: registration and endpoints.</summary>
public static class RealtimeFeature
{
    public static IServiceCollection AddRealtimeFeature(this IServiceCollection services, IConfiguration configuration) => services;

    public static IApplicationBuilder UseRealtimeFeature(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapRealtimeFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
