namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// One silo's answer to the silo control request <c>dashboard.webhooks</c> (snake_case JSON): the outbox statistics
/// (<see cref="Database"/>, the same from every silo) and this silo's own delivery attempts, succeeded and failed, in the
/// last <see cref="AttemptSeconds"/> seconds.
/// </summary>
public sealed record WebhookSiloStats(WebhookDeliveryStats Database, int AttemptSeconds, long AttemptsSucceeded, long AttemptsFailed);
