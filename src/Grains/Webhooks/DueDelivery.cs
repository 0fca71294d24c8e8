namespace MindPeeker.Grains.Webhooks;

/// <summary>A pending delivery whose time has come, with the exact body to send.</summary>
internal sealed record DueDelivery(Guid Id, string EventId, string EventType, int Attempts, string Body);
