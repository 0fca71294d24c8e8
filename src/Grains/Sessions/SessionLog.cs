using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Sessions;

/// <summary>Log messages of the session grains (event ids 5001–5099).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Session {SessionId} is {Status} (update {Sequence}).")]
    public static partial void StatusChanged(ILogger logger, Guid sessionId, string status, long sequence);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Session {SessionId}: writing {Count} update(s) to PostgreSQL failed; they stay in the grain's outbox and are retried in {RetryIn}.")]
    public static partial void ProjectionFailed(ILogger logger, Exception exception, Guid sessionId, int count, TimeSpan retryIn);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Session {SessionId}: replayed {Count} update(s) that had not reached PostgreSQL.")]
    public static partial void OutboxReplayed(ILogger logger, Guid sessionId, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Session {SessionId}: publishing update {Sequence} failed; clients catch up from the events endpoint.")]
    public static partial void PublishFailed(ILogger logger, Exception exception, Guid sessionId, long sequence);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Session {SessionId}: analysis {AnalysisType} failed; the session fails.")]
    public static partial void AnalysisFailed(ILogger logger, Exception exception, Guid sessionId, string analysisType);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Session {SessionId}: its state could not be written; the activation is dropped and reloads it.")]
    public static partial void StateWriteFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Resumed {Count} unfinished session(s) after start-up.")]
    public static partial void Resumed(ILogger logger, int count);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Resuming session {SessionId} failed; its next call resumes it.")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "Session {SessionId}: analysis {AnalysisType} timed out (attempt {Attempt}); it is tried again.")]
    public static partial void AnalysisTimedOut(ILogger logger, Exception exception, Guid sessionId, string analysisType, int attempt);
}
