using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Runtime.Filters;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.Runtime.Hosting;

internal static class GrainCallStatisticsServiceCollectionExtensions
{
    /// <summary>The configuration switch (default true) that turns the call statistics filter, and the dashboard, on or off.</summary>
    public const string EnabledKey = "Dashboard:Enabled";

    /// <summary>
    /// Registers <see cref="GrainCallStatistics"/>, the dashboard's silo control handlers and — unless
    /// <c>Dashboard:Enabled</c> is false — the statistics call filter, first so that it times the whole chain.
    /// </summary>
    public static IServiceCollection AddGrainCallStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<GrainCallStatistics>();
        services.AddSiloControlHandler<SiloDashboardHandler>();
        services.AddSiloControlHandler<GrainInspectionHandler>();
        services.AddSiloControlHandler<ReminderListingHandler>();
        if (configuration.GetValue(EnabledKey, defaultValue: true))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, GrainCallStatisticsFilter>());
        }

        return services;
    }
}
