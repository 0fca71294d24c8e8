using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Sessions;

/// <summary>Log messages of the session grains (event ids 5001–5099).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Session {SessionId} is {Status} (update {Sequence}).")]
    public static partial void StatusChanged(ILogger logger, Guid sessionId, string status, long sequence);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Session {SessionId}: publishing update {Sequence} failed; clients catch up from the events endpoint.")]
    public static partial void PublishFailed(ILogger logger, Exception exception, Guid sessionId, long sequence);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Session {SessionId}: analysis {AnalysisType} failed; the session fails.")]
    public static partial void AnalysisFailed(ILogger logger, Exception exception, Guid sessionId, string analysisType);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Resumed {Count} unfinished session(s) after start-up.")]
    public static partial void Resumed(ILogger logger, int count);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Resuming session {SessionId} failed; its next call resumes it.")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "Session {SessionId}: analysis {AnalysisType} timed out (attempt {Attempt}); it is tried again.")]
    public static partial void AnalysisTimedOut(ILogger logger, Exception exception, Guid sessionId, string analysisType, int attempt);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning,
        Message = "Session {SessionId}: PostgreSQL refused update {Sequence}; nothing was recorded and the stage runs again in {RetryIn}.")]
    public static partial void StageWriteFailed(ILogger logger, Exception exception, Guid sessionId, long sequence, TimeSpan retryIn);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information,
        Message = "Session {SessionId}: its row was not at the sequence before update {Sequence} ({Event}); reloading it and trying again.")]
    public static partial void WriteConflict(ILogger logger, Guid sessionId, long sequence, string @event);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Session {SessionId} resumed by its watchdog reminder.")]
    public static partial void WatchdogResumed(ILogger logger, Guid sessionId);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Session {SessionId} finished but its watchdog reminder could not be removed; it fires once more and removes itself.")]
    public static partial void WatchdogRemovalFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "Session {SessionId}: the stage could not run now; it runs again in {RetryIn}.")]
    public static partial void StageDeferred(ILogger logger, Exception exception, Guid sessionId, TimeSpan retryIn);
}
