using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Caching;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// Runs one analysis the way its session type is configured (<see cref="SessionTypeRouteOptions.Mode"/>): on the local
/// model through an <see cref="IAnalysisWorkerGrain"/>, on an AI provider's model chain in this process, or the local
/// model first and the provider when the local finding misses the threshold. Answers are cached in the
/// <see cref="TwoLevelCache"/>: local results by (model, version, input hash) for <see cref="CacheOptions.ResultTtl"/>,
/// provider answers by (provider, model chain, input hash) for <see cref="CacheOptions.PromptTtl"/>. The input hash
/// covers the session type, analysis type, threshold and normalized cue. Provider calls run on the caller's silo, not
/// in a grain call, so they are bounded by the provider's own timeouts rather than the runtime's response timeout.
/// A silo singleton; thread-safe.
/// </summary>
internal sealed class AnalysisRouter(
    IOptions<AiProvidersOptions> options,
    IOptions<CacheOptions> cacheOptions,
    TwoLevelCache cache,
    ModelCatalog catalog,
    IGrainFactory grains,
    IServiceProvider services)
{
    /// <summary>The finding for <paramref name="input"/>.</summary>
    /// <exception cref="AiProviderUnavailableException">The provider's every model failed (the message names each failure).</exception>
    /// <exception cref="AiBudgetExhaustedException">The provider's budget had no room in time.</exception>
    /// <exception cref="AiRequestTooLargeException">The cue is too large for the provider.</exception>
    public async Task<AnalysisFinding> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var route = options.Value.SessionTypes.GetValueOrDefault(input.SessionType);
        switch (route?.Mode ?? AnalysisModes.Local)
        {
            case AnalysisModes.Provider:
                return await ProviderAsync(route!.Provider!, input, cancellationToken).ConfigureAwait(false);
            case AnalysisModes.LocalThenProvider:
                var local = await LocalAsync(input, cancellationToken).ConfigureAwait(false);
                return local.MeetsThreshold ? local : await ProviderAsync(route!.Provider!, input, cancellationToken).ConfigureAwait(false);
            default:
                return await LocalAsync(input, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<AnalysisFinding> LocalAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        return cache.GetOrCreateAsync(LocalKey(input), cacheOptions.Value.ResultTtl,
            token => grains.GetGrain<IAnalysisWorkerGrain>(0).Analyze(input).WaitAsync(token), cancellationToken);
    }

    private Task<AnalysisFinding> ProviderAsync(string providerName, AnalysisInput input, CancellationToken cancellationToken)
    {
        // Resolved on first use: silos that route nothing to a provider never build the provider registry or its guard.
        var provider = services.GetRequiredService<AiProviderRegistry>().Get(providerName);
        return cache.GetOrCreateAsync(ProviderKey(providerName, input), cacheOptions.Value.PromptTtl, token => provider.AnalyzeAsync(input, token), cancellationToken);
    }

    /// <summary>
    /// The keys under which <see cref="AnalyzeAsync"/> caches the answers for <paramref name="input"/> with today's
    /// configuration and models: the local model's result and, when the session type routes to a provider, the provider's
    /// answer (both for <c>local_then_provider</c>). A session type without a local model gives no local key. Keys only;
    /// nothing is looked up.
    /// </summary>
    public IReadOnlyList<CacheKey> CacheKeysOf(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var keys = new List<CacheKey>(2);
        var route = options.Value.SessionTypes.GetValueOrDefault(input.SessionType);
        var mode = route?.Mode ?? AnalysisModes.Local;
        if (mode != AnalysisModes.Provider && AnalysisTypes.BySessionType.ContainsKey(input.SessionType))
        {
            keys.Add(LocalKey(input));
        }

        if (mode != AnalysisModes.Local && route?.Provider is { } provider && options.Value.Providers.ContainsKey(provider))
        {
            keys.Add(ProviderKey(provider, input));
        }

        return keys;
    }

    private CacheKey LocalKey(AnalysisInput input)
    {
        var model = catalog.Get(input.SessionType).Info;
        return CacheKey.For(CacheKey.InferenceKind, model.Name, model.Version, InputParts(input));
    }

    private CacheKey ProviderKey(string providerName, AnalysisInput input)
    {
        var chain = string.Join(">", options.Value.Providers[providerName].Models);
        return CacheKey.For(CacheKey.PromptKind, providerName, chain, InputParts(input));
    }

    private static string[] InputParts(AnalysisInput input) =>
        [input.SessionType, input.AnalysisType, input.ConfidenceThreshold.ToString("R", CultureInfo.InvariantCulture), input.Cue];
}
