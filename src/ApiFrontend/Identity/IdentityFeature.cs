using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>Identity, API keys, authentication and authorization: registration and endpoints.</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services, IConfiguration configuration) => services;

    public static IApplicationBuilder UseIdentityFeature(this IApplicationBuilder app) => app;

    public static IEndpointRouteBuilder MapIdentityFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
