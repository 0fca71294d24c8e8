using System.Text.Json.Serialization;

namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// The webhook outbox as the dashboard shows it, read from <c>webhook_deliveries</c> and <c>webhook_endpoints</c> at
/// <see cref="CollectedAt"/>: outcomes of the last 5 minutes and hour, the backlog (<see cref="Pending"/>, of which
/// <see cref="Retrying"/> failed at least once), every dead delivery's count and the newest of them, and endpoints by
/// status (<see cref="EndpointsFailing"/>: enabled ones whose every attempt has failed lately).
/// </summary>
public sealed record WebhookDeliveryStats(
    DateTimeOffset CollectedAt,
    [property: JsonPropertyName("last_5_minutes")] WebhookOutcomeCounts Last5Minutes,
    WebhookOutcomeCounts LastHour,
    long Pending,
    long Retrying,
    long DeadTotal,
    IReadOnlyList<DeadWebhookDelivery> LatestDead,
    long EndpointsEnabled,
    long EndpointsDisabled,
    long EndpointsFailing);
