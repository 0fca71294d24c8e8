using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>A delivery as API.md lists it.</summary>
internal sealed record WebhookDeliveryResponse(
    Guid Id,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryResponse From(WebhookDeliveryView d) =>
        new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.CreatedAt);
}
