namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>
/// Deliveries that reached an outcome in a window: <see cref="Succeeded"/>, <see cref="Failed"/> (given up because the
/// endpoint was disabled, deleted or answered 410) and <see cref="Dead"/> (retry schedule used up).
/// <see cref="SuccessRate"/> is succeeded / all three, null when there were none.
/// </summary>
public sealed record WebhookOutcomeCounts(double WindowSeconds, long Succeeded, long Failed, long Dead)
{
    public double? SuccessRate => Succeeded + Failed + Dead is var total and > 0 ? Math.Round((double)Succeeded / total, 4) : null;
}
