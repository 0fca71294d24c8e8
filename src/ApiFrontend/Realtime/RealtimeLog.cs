using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Realtime;

internal static partial class RealtimeLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Session updates observer registered with the hub list.")]
    public static partial void ObserverRegistered(ILogger logger);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Session updates observer could not be registered with the hub list; retrying at the next renewal.")]
    public static partial void ObserverRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "Connection {ConnectionId} subscribed to session {SessionId} at sequence {Sequence}.")]
    public static partial void Subscribed(ILogger logger, string connectionId, Guid sessionId, long sequence);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Connection {ConnectionId} was refused session {SessionId}.")]
    public static partial void SubscribeRefused(ILogger logger, string connectionId, string sessionId);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Refused credentials in the query string of {Path}.")]
    public static partial void QueryCredentialsRefused(ILogger logger, string path);
}
