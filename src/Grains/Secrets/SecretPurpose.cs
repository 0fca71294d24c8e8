using System.Text;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// What a sealed secret is for. Its <see cref="Info"/> is the HKDF info string, so each purpose derives its own data
/// keys from the same master key: an envelope of one purpose never opens as another. <see cref="Description"/> names
/// the secret in error messages (never its value). Immutable.
/// </summary>
internal sealed class SecretPurpose
{
    private SecretPurpose(string info, string description)
    {
        Info = Encoding.UTF8.GetBytes(info);
        Description = description;
    }

    /// <summary>An integration's credentials (field → secret, as UTF-8 JSON); HKDF info <c>mindpeeker/integration-credentials</c>.</summary>
    public static SecretPurpose IntegrationCredentials { get; } = new("mindpeeker/integration-credentials", "integration credentials");

    /// <summary>A webhook endpoint's signing key (the raw key bytes of its <c>whsec_</c> secret); HKDF info <c>mindpeeker/webhook-signing-secret</c>.</summary>
    public static SecretPurpose WebhookSigningSecret { get; } = new("mindpeeker/webhook-signing-secret", "webhook signing secret");

    /// <summary>
    /// A value of the analysis cache's shared level (Redis): serialized analysis results and provider answers, Restricted
    /// data; HKDF info <c>mindpeeker/cache-value</c>.
    /// </summary>
    public static SecretPurpose CacheValue { get; } = new("mindpeeker/cache-value", "cached value");

    /// <summary>The HKDF-SHA256 info bytes.</summary>
    public byte[] Info { get; }

    /// <summary>A name for messages, e.g. "integration credentials".</summary>
    public string Description { get; }

    public override string ToString() => Description;
}
