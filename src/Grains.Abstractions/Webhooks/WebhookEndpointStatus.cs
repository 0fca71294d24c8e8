namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>An endpoint is <see cref="Enabled"/> (receives events) or <see cref="Disabled"/> (by its owner, or by the platform).</summary>
public static class WebhookEndpointStatus
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}
