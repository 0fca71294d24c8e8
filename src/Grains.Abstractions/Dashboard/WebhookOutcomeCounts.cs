namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// Webhook deliveries that reached an outcome in the last <see cref="WindowSeconds"/> seconds: <see cref="Succeeded"/>,
/// <see cref="Failed"/> (given up because the endpoint was disabled, deleted or answered 410) and <see cref="Dead"/>
/// (retry schedule used up).
/// </summary>
public sealed record WebhookOutcomeCounts(double WindowSeconds, long Succeeded, long Failed, long Dead)
{
    /// <summary>Succeeded / all three, rounded to 4 decimals; null when there were none. Serialized, recomputed on read.</summary>
    public double? SuccessRate => Succeeded + Failed + Dead is var total and > 0 ? Math.Round((double)Succeeded / total, 4) : null;
}
