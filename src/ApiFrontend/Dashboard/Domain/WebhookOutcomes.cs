namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// Deliveries that reached an outcome in the last <see cref="WindowSeconds"/>: succeeded, failed (given up: endpoint
/// disabled, deleted or 410) and dead (retries used up); <see cref="SuccessRate"/> = succeeded / all, null when none.
/// </summary>
internal sealed record WebhookOutcomes(double WindowSeconds, long Succeeded, long Failed, long Dead, double? SuccessRate);
