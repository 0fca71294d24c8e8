namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// One event's delivery to one endpoint. <see cref="EventId"/> is the <c>webhook-id</c> header, the same on every
/// attempt; <see cref="Attempts"/> counts the attempts of the current schedule (a retry or recover starts a new one);
/// <see cref="NextAttemptAt"/> is set only while <see cref="Status"/> is pending.
/// </summary>
public sealed record WebhookDeliveryView(
    Guid Id,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt);
