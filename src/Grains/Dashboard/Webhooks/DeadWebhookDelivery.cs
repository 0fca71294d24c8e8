namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>A delivery that used up its retry schedule, as the dashboard lists it (newest first by <see cref="DiedAt"/>).</summary>
public sealed record DeadWebhookDelivery(
    Guid DeliveryId,
    Guid EndpointId,
    Guid UserId,
    string EventId,
    string EventType,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset DiedAt);
