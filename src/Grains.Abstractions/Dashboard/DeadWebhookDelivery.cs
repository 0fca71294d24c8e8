namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// A webhook delivery that used up its retry schedule, as the dashboard lists it (newest first by <see cref="DiedAt"/>).
/// <see cref="LastError"/> is the same text the endpoint's owner sees; no secret or payload is included.
/// </summary>
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
