using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed; its waiting calls get the exception.")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "OnDeactivateAsync of grain {GrainId} failed.")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Deactivated grain {GrainId} ({Reason}).")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Call {Method} on grain {GrainId} timed out.")]
    public static partial void RequestTimedOut(ILogger logger, string method, GrainId grainId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Timer callback of grain {GrainId} failed; the timer keeps its schedule.")]
    public static partial void TimerCallbackFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Silo {SiloName} is {Status}.")]
    public static partial void SiloStatusChanged(ILogger logger, string siloName, SiloStatus status);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Idle collection deactivated {Count} activations.")]
    public static partial void Collected(ILogger logger, int count);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Loaded {InterfaceCount} grain interfaces and {ClassCount} grain classes.")]
    public static partial void ManifestLoaded(ILogger logger, int interfaceCount, int classCount);
}
