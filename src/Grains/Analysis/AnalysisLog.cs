using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Analysis;

/// <summary>Analysis log messages (EventIds 3001–3002, 3010–3019). Cues are never logged: they may be private or encrypted.</summary>
internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Loaded analysis model {ModelName} {ModelVersion} for {SessionType} from {Path} in {ElapsedMilliseconds} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelName, string modelVersion, string sessionType, string path, double elapsedMilliseconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug,
        Message = "Analysis {AnalysisType} of a {SessionType} cue: {Label} at {ConfidenceScore} (threshold {Threshold}, met: {MeetsThreshold})")]
    public static partial void Analyzed(ILogger logger, string analysisType, string sessionType, string label, decimal confidenceScore, double threshold, bool meetsThreshold);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Analysis models run on {ExecutionProvider}: {Detail}")]
    public static partial void ExecutionProviderSelected(ILogger logger, string executionProvider, string detail);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning,
        Message = "Analysis:ExecutionProvider is 'auto' and CUDA cannot be used, so the analysis models run on the CPU: {Reason}")]
    public static partial void CudaUnavailableUsingCpu(ILogger logger, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error,
        Message = "A batch of {BatchSize} analyses on model {ModelName} failed; its callers get the error")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int batchSize, string modelName);
}
