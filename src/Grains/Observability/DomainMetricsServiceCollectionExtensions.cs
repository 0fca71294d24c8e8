using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MindPeeker.Grains.Observability;

/// <summary>Registers the silo's domain metrics (sessions, analysis, users per tier, PostgreSQL pool).</summary>
public static class DomainMetricsServiceCollectionExtensions
{
    /// <summary>Adds <c>sessions_*</c>, <c>analysis_duration_seconds</c>, <c>user_tier_distribution</c> and <c>database_connections_*</c>. Idempotent.</summary>
    public static IServiceCollection AddDomainMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.AddOptions<DomainMetricsOptions>().BindConfiguration(DomainMetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SessionMetrics>();
        services.TryAddSingleton<LocalInferenceMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UserTierMetrics>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DatabaseConnectionMetrics>());
        return services;
    }
}
