namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>The HTTP header names a signed delivery carries (lower case, as the Standard Webhooks specification writes them).</summary>
public static class WebhookHeaderNames
{
    /// <summary>The message id, unique per event and stable across its retries (the receiver's idempotency key).</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix time of the attempt in whole seconds.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> signatures.</summary>
    public const string Signature = "webhook-signature";

    /// <summary>Legacy: lowercase hex HMAC-SHA256 of the raw body alone, with the same key bytes.</summary>
    public const string LegacySignature = "X-MindPeeker-Signature";
}
