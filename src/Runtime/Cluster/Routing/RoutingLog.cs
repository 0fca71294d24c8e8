using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Cluster.Routing;

internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 8400, Level = LogLevel.Warning, Message = "Could not send a grain call to {Target}; it was not sent.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(EventId = 8401, Level = LogLevel.Warning, Message = "Could not remove directory entry of {GrainId} (activation {ActivationId}); the entry is purged when this silo leaves.")]
    public static partial void UnregisterFailed(ILogger logger, Exception exception, GrainId grainId, Guid activationId);

    [LoggerMessage(EventId = 8402, Level = LogLevel.Debug, Message = "Call {Method} to {GrainId} re-routed (attempt {Attempt}).")]
    public static partial void Rerouted(ILogger logger, string method, GrainId grainId, int attempt);

    [LoggerMessage(EventId = 8403, Level = LogLevel.Warning, Message = "Could not answer request {RequestId} from {Peer}.")]
    public static partial void RespondFailed(ILogger logger, Exception exception, long requestId, string peer);

    [LoggerMessage(EventId = 8404, Level = LogLevel.Warning, Message = "Rejected a call from {Peer}: {Reason}")]
    public static partial void CallRejected(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 8405, Level = LogLevel.Information, Message = "Purged {Count} directory entries of silos no longer active: {Silos}.")]
    public static partial void DeadSilosPurged(ILogger logger, int count, string silos);
}
