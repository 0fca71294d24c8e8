using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// One analysis from cue to finding: validate, featurize, run the session type's model for the requested
/// analysis type, take the most probable label, round and apply the threshold. A singleton; thread-safe.
/// </summary>
internal sealed class CueAnalyzer(ModelCatalog catalog, ILogger<CueAnalyzer> logger)
{
    /// <exception cref="ArgumentException">
    /// The session type is unknown, the model does not support the analysis type, the cue is missing or the
    /// threshold is outside 0–1.
    /// </exception>
    public AnalysisFinding Analyze(AnalysisInput input)
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

        var probabilities = model.Score(CueFeaturizer.Featurize(input.Cue), batchSize: 1, head);
        var finding = FindingBuilder.Build(model, head, probabilities, input.ConfidenceThreshold);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            AnalysisLog.Analyzed(logger, head.AnalysisType, input.SessionType, finding.Data.GetProperty("label").GetString()!,
                finding.ConfidenceScore, input.ConfidenceThreshold, finding.MeetsThreshold);
        }
        return finding;
    }
}
