using System.Text.Json.Serialization;
using MindPeeker.Grains.Abstractions.Dashboard;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// The webhooks page (<c>GET /v1/admin/dashboard/webhooks</c>, hub message <c>dashboard_webhooks</c>): delivery outcomes
/// of the last 5 minutes and hour, the cluster's attempts per second over the last minute, the backlog, dead deliveries
/// and endpoints by status. <see cref="CollectedAt"/> is when the outbox was read (it may be up to
/// <c>Dashboard:Data:DatabaseStatsMaxAge</c> old); null fields mean no silo answered.
/// </summary>
internal sealed record DashboardWebhooks(
    DateTimeOffset? CollectedAt,
    [property: JsonPropertyName("last_5_minutes")] WebhookOutcomeCounts? Last5Minutes,
    WebhookOutcomeCounts? LastHour,
    double AttemptsPerSecond,
    double? AttemptSuccessRate,
    WebhookAttemptCounts AttemptsLastMinute,
    long Pending,
    long Retrying,
    DeadDeliveries Dead,
    WebhookEndpointCounts Endpoints,
    IReadOnlyList<SiloAnswerStatus> Silos);

/// <summary>Delivery attempts (each HTTP try, retries included) of every silo in the last minute.</summary>
internal sealed record WebhookAttemptCounts(long Succeeded, long Failed);

/// <summary>How many deliveries are dead in all, and the newest of them.</summary>
internal sealed record DeadDeliveries(long Total, IReadOnlyList<DeadWebhookDelivery> Latest);

/// <summary>Endpoints not deleted, by status; <see cref="Failing"/> are enabled ones whose every attempt has failed lately.</summary>
internal sealed record WebhookEndpointCounts(long Enabled, long Disabled, long Failing);
