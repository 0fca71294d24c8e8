namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>One silo's answer to <c>dashboard.webhooks</c>: the outbox statistics and this silo's attempts in the last <see cref="AttemptSeconds"/> seconds.</summary>
public sealed record WebhookSiloStats(WebhookDeliveryStats Database, int AttemptSeconds, long AttemptsSucceeded, long AttemptsFailed);
