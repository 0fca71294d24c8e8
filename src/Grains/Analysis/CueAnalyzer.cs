using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// One analysis from cue to finding: validate, featurize, run the session type's model for the requested
/// analysis type, take the most probable label, round and apply the threshold. A singleton; thread-safe.
/// </summary>
internal sealed class CueAnalyzer(ModelCatalog catalog, ModelBatchers batchers, IOptions<AnalysisOptions> options, ILogger<CueAnalyzer> logger)
{
    private readonly bool _batching = options.Value.Batching.Enabled;

    /// <summary>Runs the analysis alone: one ONNX Runtime run of batch 1 on the calling thread.</summary>
    /// <exception cref="ArgumentException">
    /// The session type is unknown, the model does not support the analysis type, the cue is missing or the
    /// threshold is outside 0–1.
    /// </exception>
    public AnalysisFinding Analyze(AnalysisInput input)
    {
        var (model, head, features) = Prepare(input);
        return Finish(input, model, head, model.Score(features, batchSize: 1, head));
    }

    /// <summary>
    /// Runs the analysis in the model's next batch when <see cref="AnalysisBatchingOptions.Enabled"/>, otherwise as
    /// <see cref="Analyze"/> does. The result is the same either way.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Analyze"/>, thrown before anything is batched.</exception>
    /// <exception cref="InferenceBatchException">The batch this analysis ran in failed.</exception>
    public async Task<AnalysisFinding> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        if (!_batching)
        {
            return Analyze(input);
        }

        var (model, head, features) = Prepare(input);
        var probabilities = await batchers.ScoreAsync(input.SessionType, features, head, cancellationToken).ConfigureAwait(false);
        return Finish(input, model, head, probabilities);
    }

    private (ReferenceModel Model, AnalysisHead Head, float[] Features) Prepare(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Cue is null)
        {
            throw new ArgumentException("The cue is required.", nameof(input));
        }

        if (!double.IsFinite(input.ConfidenceThreshold) || input.ConfidenceThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.ConfidenceThreshold, "The confidence threshold must be between 0 and 1.");
        }

        var model = catalog.Get(input.SessionType);
        if (!model.Descriptor.Heads.TryGetValue(input.AnalysisType ?? string.Empty, out var head))
        {
            throw new ArgumentException(
                $"Analysis type '{input.AnalysisType}' is not supported for session type '{input.SessionType}'; " +
                $"expected one of: {string.Join(", ", model.Descriptor.Heads.Keys)}.", nameof(input));
        }

        return (model, head, CueFeaturizer.Featurize(input.Cue));
    }

    private AnalysisFinding Finish(AnalysisInput input, ReferenceModel model, AnalysisHead head, float[] probabilities)
    {
        var finding = FindingBuilder.Build(model, head, probabilities, input.ConfidenceThreshold);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            AnalysisLog.Analyzed(logger, head.AnalysisType, input.SessionType, finding.Data.GetProperty("label").GetString()!,
                finding.ConfidenceScore, input.ConfidenceThreshold, finding.MeetsThreshold);
        }

        return finding;
    }
}
