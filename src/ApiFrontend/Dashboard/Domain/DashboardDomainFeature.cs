using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.ApiFrontend.Dashboard.Logs;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>The dashboard's domain pages in the front end: rate limits, webhooks, sessions and the live log tail.</summary>
public static class DashboardDomainFeature
{
    /// <summary>
    /// Registers the readers of the domain pages, their <see cref="IDashboardSnapshotContributor"/>s (<c>rate_limits</c>,
    /// <c>webhooks</c>, <c>sessions</c>) and the live log tail of this process (<see cref="LogTailServiceCollectionExtensions.AddLogTail"/>;
    /// shared with a co-hosted silo). Needs <c>ISiloControl</c> (every silo and cluster client has one).
    /// </summary>
    public static IServiceCollection AddDashboardDomainFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogTail();
        services.TryAddSingleton<RateLimitDashboard>();
        services.TryAddSingleton<WebhookDashboard>();
        services.TryAddSingleton<SessionDashboard>();
        services.TryAddSingleton<LogTailReader>();
        services.TryAddSingleton<LogTailStream>();
        services.AddSingleton<IDashboardSnapshotContributor>(sp => sp.GetRequiredService<RateLimitDashboard>());
        services.AddSingleton<IDashboardSnapshotContributor>(sp => sp.GetRequiredService<WebhookDashboard>());
        services.AddSingleton<IDashboardSnapshotContributor>(sp => sp.GetRequiredService<SessionDashboard>());
        return services;
    }

    /// <summary>Maps <c>/v1/admin/dashboard/{rate-limits,webhooks,sessions,logs}</c> on the admin group.</summary>
    public static RouteGroupBuilder MapDashboardDomainApi(this RouteGroupBuilder admin) => DomainDashboardApi.Map(admin);
}
