using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Analysis;

/// <summary>Analysis log messages. Cues are never logged: they may be private or encrypted.</summary>
internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Loaded analysis model {ModelName} {ModelVersion} for {SessionType} from {Path} in {ElapsedMilliseconds} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelName, string modelVersion, string sessionType, string path, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug,
        Message = "Analysis {AnalysisType} of a {SessionType} cue: {Label} at {ConfidenceScore} (threshold {Threshold}, met: {MeetsThreshold})")]
    public static partial void Analyzed(ILogger logger, string analysisType, string sessionType, string label, decimal confidenceScore, double threshold, bool meetsThreshold);
}
