using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace MindPeeker.Runtime.Diagnostics;

/// <summary>Registers the silo's runtime metrics.</summary>
public static class RuntimeMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>MindPeeker.Runtime</c> meter's instruments (activations, queues, grain calls, membership; see
    /// docs/observability.md) to a silo's services. Idempotent. Needs <c>IMeterFactory</c> (<c>services.AddMetrics()</c>,
    /// which ASP.NET Core hosts already have).
    /// </summary>
    public static IServiceCollection AddRuntimeMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RuntimeMetrics>());
        return services;
    }
}
