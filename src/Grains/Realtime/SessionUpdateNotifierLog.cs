using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Realtime;

internal static partial class SessionUpdateNotifierLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "Observer {Observer} failed to take a batch of {Count} session updates; other observers are unaffected and clients resume from the events endpoint.")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string observer, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Trace, Message = "Delivered {Count} session updates to {ObserverCount} observers.")]
    public static partial void Delivered(ILogger logger, int count, int observerCount);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "The front-end observer list could not be read; delivering to the last known list.")]
    public static partial void HubListUnavailable(ILogger logger, Exception exception);
}
