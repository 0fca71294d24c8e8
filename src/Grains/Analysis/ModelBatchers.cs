using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// The silo's dynamic batchers, one per model (session type), shared by every <see cref="AnalysisWorkerGrain"/>
/// activation: concurrent analyses of one model become one ONNX Runtime run (see <see cref="InferenceBatcher{TItem, TResult}"/>
/// and <see cref="AnalysisBatchingOptions"/>). A singleton; thread-safe.
/// </summary>
internal sealed class ModelBatchers : IDisposable
{
    private readonly FrozenDictionary<string, InferenceBatcher<ScoreRequest, float[]>> _bySessionType;

    public ModelBatchers(ModelCatalog catalog, IOptions<AnalysisOptions> options, BatchWaitClock clock, ILogger<ModelBatchers> logger, Observability.LocalInferenceMetrics? metrics = null)
    {
        var batching = options.Value.Batching;
        _bySessionType = AnalysisTypes.BySessionType.Keys.ToFrozenDictionary(
            sessionType => sessionType,
            sessionType =>
            {
                var model = catalog.Get(sessionType);
                return new InferenceBatcher<ScoreRequest, float[]>(
                    model.Descriptor.Name, metrics is null ? model.ScoreBatch : items => metrics.Measure(model.Descriptor.Name, model.ScoreBatch, items), batching.MaxBatchSize, batching.MaxBatchWait, clock.TimeProvider, logger);
            },
            StringComparer.Ordinal);
    }

    /// <summary>Scores <paramref name="features"/> for <paramref name="head"/> in the next batch of <paramref name="sessionType"/>'s model.</summary>
    public Task<float[]> ScoreAsync(string sessionType, float[] features, AnalysisHead head, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(features.Length, CueFeaturizer.FeatureCount, nameof(features));
        return For(sessionType).SubmitAsync(new ScoreRequest(features, head), cancellationToken);
    }

    /// <summary>The batcher of <paramref name="sessionType"/>'s model (its <see cref="InferenceBatcher{TItem, TResult}.Statistics"/> count the runs).</summary>
    public InferenceBatcher<ScoreRequest, float[]> For(string sessionType) =>
        _bySessionType.TryGetValue(sessionType, out var batcher)
            ? batcher
            : throw new ArgumentException($"Unknown session type '{sessionType}'.", nameof(sessionType));

    public void Dispose()
    {
        foreach (var batcher in _bySessionType.Values)
        {
            batcher.Dispose();
        }
    }
}
