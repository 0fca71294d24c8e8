using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;

namespace MindPeeker.Grains.AiProviders;

/// <summary>Registers the AI providers and the analysis router.</summary>
public static class AiProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Adds the analysis router (local models, AI providers, the two-level cache), <see cref="AiProvidersOptions"/> bound
    /// from the <c>AiProviders</c> section and validated on start, the provider registry and the SSRF-guarded outbound HTTP
    /// it calls through (<c>AddOutboundHttp</c>). Needs the analysis engine (<c>AddAnalysis</c>) and, once a session type
    /// routes to a provider, the silo's <see cref="DependencyGuard"/> (<c>AddCircuitBreakers</c>). Idempotent; a
    /// <see cref="TimeProvider"/> registered earlier wins.
    /// </summary>
    public static IServiceCollection AddAiProviders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(AnalysisRouter)))
        {
            return services;
        }

        services.AddOptions<AiProvidersOptions>().BindConfiguration(AiProvidersOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiProvidersOptions>, AiProvidersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAnalysisCache();
        services.AddOutboundHttp();
        services.AddMetrics();
        services.TryAddSingleton<AiProviderMetrics>();
        services.TryAddSingleton<AiProviderRegistry>();
        services.TryAddSingleton<AnalysisRouter>();
        return services;
    }
}
