namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// A delivery's states. <see cref="Pending"/>: an attempt is due at <c>next_attempt_at</c>; <see cref="Succeeded"/>:
/// the receiver answered 2xx; <see cref="Failed"/>: given up before the schedule ran out (the endpoint answered 410, or
/// was disabled or deleted); <see cref="Dead"/>: every attempt of the retry schedule failed. Failed and dead deliveries
/// are sent again by a manual retry or a recover.
/// </summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Pending, Succeeded, Failed, Dead];
}
