using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Webhooks;

/// <summary>Log events of webhook delivery (ids 6000–6049). Secrets and bodies are never logged; URLs only as the owner gave them.</summary>
internal static partial class WebhooksLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} of endpoint {EndpointId}: attempt {Attempt} recorded as {Status} ({StatusCode} {Error}); next attempt at {NextAttemptAt}.")]
    public static partial void AttemptRecorded(
        ILogger logger, Guid endpointId, Guid deliveryId, int attempt, string status, int? statusCode, string? error, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} of endpoint {EndpointId} is dead after {Attempts} attempts.")]
    public static partial void DeliveryDead(ILogger logger, Guid endpointId, Guid deliveryId, int attempts);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} was disabled: {Reason}")]
    public static partial void EndpointDisabled(ILogger logger, Guid endpointId, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Webhook endpoint {EndpointId} could not work through its outbox; its reminder tries again.")]
    public static partial void PumpFailed(ILogger logger, Exception exception, Guid endpointId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} of endpoint {EndpointId}: the attempt's outcome could not be recorded; it is attempted again.")]
    public static partial void RecordFailed(ILogger logger, Exception exception, Guid endpointId, Guid deliveryId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} could not be woken after a publish; the outbox sweep or its reminder delivers later.")]
    public static partial void PokeFailed(ILogger logger, Exception exception, Guid endpointId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Webhook outbox sweep woke {Count} endpoint(s) with overdue deliveries.")]
    public static partial void SweepWoke(ILogger logger, int count);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "The webhook outbox sweep failed; it runs again in one period.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId}: its webhook.disabled notice could not be published or audited.")]
    public static partial void DisabledNoticeFailed(ILogger logger, Exception exception, Guid endpointId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "User {UserId}: the {EventType} webhook event could not be published.")]
    public static partial void UserEventPublishFailed(ILogger logger, Exception exception, Guid userId, string eventType);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Debug, Message = "Webhook endpoint {EndpointId}: the next attempt is due at {NextAttemptAt}.")]
    public static partial void NextAttemptScheduled(ILogger logger, Guid endpointId, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} deactivated with {Running} attempts still running; their deliveries are sent again when their lease ends.")]
    public static partial void DeactivatedWithAttemptsRunning(ILogger logger, Guid endpointId, int running);
}
