namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>A dead delivery (retry schedule used up), newest first by <see cref="DiedAt"/>; <see cref="LastError"/> is what the owner sees too.</summary>
internal sealed record DeadDelivery(
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
