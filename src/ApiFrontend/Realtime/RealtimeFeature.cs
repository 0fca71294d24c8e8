using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>Real time: the SignalR hub at /v1/ws and the observer that feeds it: registration and endpoints.</summary>
public static class RealtimeFeature
{
    public const string HubPath = "/v1/ws";

    public static IServiceCollection AddRealtimeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RealtimeOptions>()
            .BindConfiguration(RealtimeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSignalR()
            .AddHubOptions<SessionUpdatesHub>(hub => hub.MaximumParallelInvocationsPerClient = 1);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubSessionUpdateObserver>();
        services.TryAddSingleton<HubConnectionsByApiKey>();
        services.AddHostedService<SessionUpdateObserverRegistration>();
        return services;
    }

    /// <summary>
    /// Credentials in query strings: <c>access_token</c> becomes the Bearer header on the hub, anything
    /// else is refused. Must run before authentication.
    /// </summary>
    public static IApplicationBuilder UseRealtimeFeature(this IApplicationBuilder app) => app.Use(QueryStringCredentials.ApplyAsync);

    public static IEndpointRouteBuilder MapRealtimeFeature(this IEndpointRouteBuilder endpoints)
    {
        // Negotiate and connect both need a JWT or API key allowed to read sessions (401 / 403 otherwise).
        endpoints.MapHub<SessionUpdatesHub>(HubPath, connection => connection.CloseOnAuthenticationExpiration = true)
            .RequirePermission(Permissions.Sessions, Permissions.Read);
        return endpoints;
    }
}
