using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Resilience;

/// <summary>Circuit breaker and dependency guard log events (ids 6100–6149).</summary>
internal static partial class CircuitBreakerLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning,
        Message = "Circuit breaker {Dependency} opened: {Failures} of {Throughput} calls failed in the sampling window; calls are refused until {BlockedUntil}.")]
    public static partial void Opened(ILogger logger, string dependency, int failures, int throughput, DateTimeOffset? blockedUntil);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Circuit breaker {Dependency} is half-open: one trial call is let through.")]
    public static partial void HalfOpened(ILogger logger, string dependency);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Circuit breaker {Dependency} closed (was {From}).")]
    public static partial void Closed(ILogger logger, string dependency, string from);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Circuit breaker {Dependency} isolated by an administrator: every call is refused until it is reset.")]
    public static partial void Isolated(ILogger logger, string dependency);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Circuit breaker {Dependency} could not store its state change; it holds in memory until the grain moves.")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string dependency);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Circuit breaker {Dependency} could not write its audit entry for {Action}.")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string dependency, string action);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Debug, Message = "Circuit breaker {Dependency} dropped the observer {Observer}, which failed to take a notification; it re-subscribes at its next renewal.")]
    public static partial void ObserverDropped(ILogger logger, Exception exception, string dependency, string observer);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning,
        Message = "The dependency guard could not reach the breaker of {Dependency}; calls go on with the last known state and retry at the next report.")]
    public static partial void BreakerUnreachable(ILogger logger, Exception exception, string dependency);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Debug, Message = "Dependency {Dependency}: the breaker reports {State} (version {Version}).")]
    public static partial void StateCached(ILogger logger, string dependency, string state, long version);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Debug, Message = "Dependency {Dependency}: the bulkhead refused a call ({MaxConcurrent} running, {MaxQueue} queued at most).")]
    public static partial void BulkheadRejected(ILogger logger, string dependency, int maxConcurrent, int maxQueue);
}
