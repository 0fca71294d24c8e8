using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// Rate limiting through rate-limit bucket grains (docs/rate-limiting.md): options bound from <c>RateLimiting</c>
/// and validated at start-up, and the middleware that runs after authentication and before authorization.
/// </summary>
public static class RateLimitingFeature
{
    public static IServiceCollection AddRateLimitingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitPolicies>();
        return services;
    }

    public static IApplicationBuilder UseRateLimitingFeature(this IApplicationBuilder app) => app.UseMiddleware<RateLimitingMiddleware>();

    public static IEndpointRouteBuilder MapRateLimitingFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
