namespace MindPeeker.Grains.Webhooks;

/// <summary>A successful attempt not yet written to its delivery row.</summary>
internal readonly record struct SucceededAttempt(Guid DeliveryId, int Attempts, int StatusCode);
