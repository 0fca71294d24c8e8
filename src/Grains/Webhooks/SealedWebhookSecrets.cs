using System.Security.Cryptography;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Webhooks.Signing;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Seals an endpoint's signing secret for storage and opens it for signing, with <see cref="SecretCipher"/> under
/// <see cref="SecretPurpose.WebhookSigningSecret"/> (AAD binds the endpoint id). The plaintext sealed is the secret's raw
/// HMAC key bytes, never the <c>whsec_</c> text. Decrypted key bytes live in a buffer wiped right after use; the
/// <see cref="WebhookSecret"/> handed out cannot be wiped (it keeps its own copy), so callers hold it only for one
/// delivery attempt. Thread-safe; a silo singleton.
/// </summary>
internal sealed class SealedWebhookSecrets(SecretCipher cipher)
{
    /// <summary>The master-key version new envelopes are sealed under.</summary>
    public int ActiveVersion => cipher.ActiveVersion;

    public byte[] Seal(Guid endpointId, WebhookSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return cipher.Encrypt(SecretPurpose.WebhookSigningSecret, endpointId, secret.Key);
    }

    /// <summary>
    /// The secret sealed in <paramref name="envelope"/> for <paramref name="endpointId"/>. Throws
    /// <see cref="CryptographicException"/> when the envelope was altered, belongs to another endpoint, or is under a key
    /// version that is not configured.
    /// </summary>
    public WebhookSecret Open(Guid endpointId, byte[] envelope)
    {
        var key = cipher.Decrypt(SecretPurpose.WebhookSigningSecret, endpointId, envelope);
        try
        {
            return WebhookSecret.Parse(Convert.ToBase64String(key));
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The stored webhook signing secret decrypts to no valid key: " + exception.Message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Re-encrypts <paramref name="envelope"/> under the active version; the key bytes never leave a wiped buffer.</summary>
    public byte[] Reseal(Guid endpointId, byte[] envelope) => cipher.Reseal(SecretPurpose.WebhookSigningSecret, endpointId, envelope);
}
