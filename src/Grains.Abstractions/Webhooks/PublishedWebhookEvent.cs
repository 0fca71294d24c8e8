namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>What a publish committed: the event's id (<c>evt_…</c>, the <c>webhook-id</c>) and one delivery per matching enabled endpoint.</summary>
public sealed record PublishedWebhookEvent(string EventId, int Deliveries);
