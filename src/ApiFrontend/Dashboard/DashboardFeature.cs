using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>The admin dashboard's data pipeline in the front end: options, collector, push loop, hub and endpoints.</summary>
public static class DashboardFeature
{
    /// <summary>The admin hub's path.</summary>
    public const string HubPath = "/v1/admin/ws";

    public static IServiceCollection AddDashboardFeature(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSignalR();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdminConnections>();
        services.TryAddSingleton<DashboardCollector>();
        if (configuration.GetValue($"{DashboardOptions.SectionName}:{nameof(DashboardOptions.Enabled)}", defaultValue: true))
        {
            services.AddHostedService<DashboardPushService>();
        }

        return services;
    }

    /// <summary>Maps <c>/v1/admin/dashboard/*</c> on the admin group.</summary>
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder admin) => DashboardApi.Map(admin);

    /// <summary>Maps the admin hub at <see cref="HubPath"/> (negotiate and connect need <c>admin:read</c>: 401 / 403 otherwise).</summary>
    public static IEndpointRouteBuilder MapDashboardHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<AdminHub>(HubPath, connection => connection.CloseOnAuthenticationExpiration = true)
            .RequirePermission(Permissions.Admin, Permissions.Read);
        return endpoints;
    }
}
