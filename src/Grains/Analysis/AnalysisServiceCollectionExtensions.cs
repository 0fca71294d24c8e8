using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Analysis;

/// <summary>Registers the analysis engine the <see cref="AnalysisWorkerGrain"/> runs on.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Adds the model catalog (one ONNX Runtime session per session type, loaded at start-up on the configured
    /// execution provider), the per-model batchers, the analyzer and <see cref="AnalysisOptions"/> bound from the
    /// <c>Analysis</c> configuration section and validated on start.
    /// Idempotent; a <see cref="TimeProvider"/> or <see cref="BatchWaitClock"/> registered earlier wins (the batch wait runs on
    /// the real clock unless a <see cref="BatchWaitClock"/> says otherwise).
    /// </summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new BatchWaitClock(TimeProvider.System));
        services.TryAddSingleton<ISharedLibraryProbe, NativeSharedLibraryProbe>();
        services.TryAddSingleton<ExecutionProviderSelector>();
        services.TryAddSingleton<ModelCatalog>();
        services.TryAddSingleton<ModelBatchers>();
        services.TryAddSingleton<CueAnalyzer>();
        services.AddHostedService<ModelCatalogStartup>();
        return services;
    }
}
