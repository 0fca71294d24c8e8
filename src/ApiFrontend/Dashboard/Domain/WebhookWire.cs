using System.Text.Json.Serialization;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>One silo's answer to <c>dashboard.webhooks</c>: the outbox statistics (the same from every silo) and the silo's own attempts.</summary>
internal sealed record WebhookSiloAnswer(WebhookDatabaseAnswer Database, int AttemptSeconds, long AttemptsSucceeded, long AttemptsFailed);

/// <summary>The outbox statistics a silo read from PostgreSQL.</summary>
internal sealed record WebhookDatabaseAnswer(
    DateTimeOffset CollectedAt,
    [property: JsonPropertyName("last_5_minutes")] WebhookOutcomes Last5Minutes,
    WebhookOutcomes LastHour,
    long Pending,
    long Retrying,
    long DeadTotal,
    IReadOnlyList<DeadDelivery> LatestDead,
    long EndpointsEnabled,
    long EndpointsDisabled,
    long EndpointsFailing);
