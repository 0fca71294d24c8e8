using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>Rate limiting through rate-limit bucket grains: registration and endpoints.</summary>
public static class RateLimitingFeature
{
    public static IServiceCollection AddRateLimitingFeature(this IServiceCollection services, IConfiguration configuration) => services;

    public static IApplicationBuilder UseRateLimitingFeature(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapRateLimitingFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
