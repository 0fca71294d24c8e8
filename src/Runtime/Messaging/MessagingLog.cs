using System.Net;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Messaging;

internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 8200, Level = LogLevel.Information, Message = "Accepting silo and client connections on {Endpoint}, advertised as {Silo}.")]
    public static partial void Listening(ILogger logger, EndPoint endpoint, string silo);

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Closing connection to {Remote}: protocol error: {Reason}")]
    public static partial void ProtocolError(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Warning, Message = "Rejected connection from {Remote}: {Reason}")]
    public static partial void HandshakeRejected(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 8203, Level = LogLevel.Debug, Message = "Connection to {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 8204, Level = LogLevel.Debug, Message = "Dropped the response to request {RequestId} from {Remote}: it had already timed out or been cancelled.")]
    public static partial void LateResponseDropped(ILogger logger, long requestId, string remote);

    [LoggerMessage(EventId = 8205, Level = LogLevel.Warning, Message = "Connection to {Remote} has {Limit} requests waiting for responses; answering request {RequestId} Overloaded.")]
    public static partial void InboundOverloaded(ILogger logger, string remote, int limit, long requestId);

    [LoggerMessage(EventId = 8206, Level = LogLevel.Error, Message = "The inbound message handler threw for a {Kind} from {Remote}.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, MessageKind kind, string remote);

    [LoggerMessage(EventId = 8207, Level = LogLevel.Information, Message = "Connected to {Remote}.")]
    public static partial void Connected(ILogger logger, string remote);

    [LoggerMessage(EventId = 8208, Level = LogLevel.Warning, Message = "Connecting to {Target} failed ({Failures} in a row); further attempts fail fast for {Backoff}.")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string target, int failures, TimeSpan backoff);

    [LoggerMessage(EventId = 8209, Level = LogLevel.Debug, Message = "Accepted {Kind} connection from {Remote}.")]
    public static partial void Accepted(ILogger logger, string kind, string remote);

    [LoggerMessage(EventId = 8210, Level = LogLevel.Warning, Message = "Accepting connections failed; the listener keeps accepting.")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8211, Level = LogLevel.Debug, Message = "Could not send an automatic {Kind} to {Remote}.")]
    public static partial void AutomaticSendFailed(ILogger logger, Exception exception, MessageKind kind, string remote);

    [LoggerMessage(EventId = 8212, Level = LogLevel.Information, Message = "Stopped accepting connections on {Endpoint}.")]
    public static partial void StoppedListening(ILogger logger, EndPoint endpoint);
}
