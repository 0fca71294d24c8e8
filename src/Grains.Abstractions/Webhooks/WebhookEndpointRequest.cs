namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// A new endpoint: its URL (checked against the outbound address policy), the event types it subscribes to, and
/// optionally its secret (<c>whsec_&lt;base64&gt;</c> of 24–64 bytes); without one the grain generates it.
/// </summary>
public sealed record WebhookEndpointRequest(string Url, IReadOnlyList<string> Events, string? Description, string? Secret);
