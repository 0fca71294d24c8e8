using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// An endpoint's row of <c>webhook_endpoints</c>; lives only inside the silo. <see cref="SealedSecret"/> is the signing
/// secret's envelope (<see cref="SealedWebhookSecrets"/>), opened only to sign a delivery. <see cref="PlaintextSecret"/>
/// is set only for a row written before migration 0009 that the start-up pass has not sealed yet.
/// </summary>
internal sealed record WebhookEndpointRow(WebhookEndpointView View, byte[]? SealedSecret, DateTimeOffset? FailingSince, string? PlaintextSecret = null)
{
    public bool IsEnabled => View.Status == WebhookEndpointStatus.Enabled;
}
