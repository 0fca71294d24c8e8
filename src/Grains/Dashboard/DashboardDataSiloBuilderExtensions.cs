using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Grains.Dashboard.RateLimits;
using MindPeeker.Grains.Dashboard.Sessions;
using MindPeeker.Grains.Dashboard.Webhooks;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.Grains.Dashboard;

public static class DashboardDataSiloBuilderExtensions
{
    /// <summary>
    /// Adds what the admin dashboard's domain pages read from this silo (docs/dashboard-data.md):
    /// <see cref="DashboardDataOptions"/> (section <c>Dashboard:Data</c>, validated on start), the rate-limit traffic
    /// the bucket grains report to, the webhook attempt counts, the live log tail (<c>Dashboard:LogTail</c>), and the
    /// silo control handlers <c>dashboard.rate_limits</c>, <c>dashboard.webhooks</c>, <c>dashboard.sessions</c> and
    /// <c>dashboard.logs</c>. The webhook and session handlers query the host's <c>NpgsqlDataSource</c>. Idempotent.
    /// </summary>
    public static ISiloBuilder AddDashboardData(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(RateLimitTraffic)))
        {
            return builder;
        }

        builder.Services.AddOptions<DashboardDataOptions>().BindConfiguration(DashboardDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RateLimitTraffic>();
        builder.Services.AddSingleton<WebhookAttemptRate>();
        builder.Services.AddSiloControlHandler<RateLimitTrafficHandler>();
        builder.Services.AddSiloControlHandler<WebhookStatsHandler>();
        builder.Services.AddSiloControlHandler<SessionStatsHandler>();
        builder.Services.AddLogTail();
        return builder;
    }
}
