using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.AiProviders;

/// <summary>AI provider log messages (EventIds 6200–6219). Cues, prompts, answers and API keys are never logged.</summary>
internal static partial class AiProviderLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information,
        Message = "AI provider {Provider} model {Model} answered {AnalysisType} in {ElapsedMilliseconds} ms ({Tokens} tokens)")]
    public static partial void Answered(ILogger logger, string provider, string model, string analysisType, double elapsedMilliseconds, long tokens);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning,
        Message = "AI provider {Provider} model {Model} failed: {Failure}; falling back to the next model")]
    public static partial void ModelFailed(ILogger logger, string provider, string model, string failure);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning,
        Message = "AI provider {Provider} model {Model} is rate limited for {WaitSeconds} s; its fallbacks answer meanwhile")]
    public static partial void RateLimited(ILogger logger, string provider, string model, double waitSeconds);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information,
        Message = "AI provider {Provider} model {Model} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string provider, string model, string reason);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Error,
        Message = "AI provider {Provider} could not answer {AnalysisType}: {Failures}")]
    public static partial void AllModelsFailed(ILogger logger, string provider, string analysisType, string failures);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information,
        Message = "AI provider {Provider}: every model is rate limited; waiting {WaitSeconds} s for the first to be callable again")]
    public static partial void WaitingForRateLimit(ILogger logger, string provider, double waitSeconds);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information,
        Message = "AI provider {Provider} at {BaseUrl} with models {Models} ({RequestsPerMinute} requests and {TokensPerMinute} tokens per minute)")]
    public static partial void Configured(ILogger logger, string provider, string baseUrl, string models, int requestsPerMinute, long tokensPerMinute);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information,
        Message = "Session type {SessionType} analyses in mode {Mode} (provider {Provider})")]
    public static partial void Routed(ILogger logger, string sessionType, string mode, string provider);

    [LoggerMessage(EventId = 6208, Level = LogLevel.Information,
        Message = "AI provider {Provider}: the requests-per-minute or tokens-per-minute budget is spent; waiting {WaitSeconds} s")]
    public static partial void WaitingForBudget(ILogger logger, string provider, double waitSeconds);
}
