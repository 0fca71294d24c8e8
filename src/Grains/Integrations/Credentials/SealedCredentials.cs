using System.Security.Cryptography;
using System.Text.Json;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.Integrations.Credentials;

/// <summary>
/// Turns an integration's credentials (field → secret) into an encrypted envelope and back with <see cref="SecretCipher"/>.
/// The UTF-8 JSON plaintext exists only in buffers that are wiped right after use; the returned dictionary's strings
/// cannot be wiped (managed strings), so callers keep it only for the duration of one outbound call. Thread-safe.
/// </summary>
internal sealed class SealedCredentials(SecretCipher cipher)
{
    public int ActiveVersion => cipher.ActiveVersion;

    public byte[] Seal(Guid integrationId, IReadOnlyDictionary<string, string> credentials)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(credentials);
        try
        {
            return cipher.Encrypt(SecretPurpose.IntegrationCredentials, integrationId, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public Dictionary<string, string> Open(Guid integrationId, byte[] envelope)
    {
        var plaintext = cipher.Decrypt(SecretPurpose.IntegrationCredentials, integrationId, envelope);
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(plaintext) ?? [];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Re-encrypts <paramref name="envelope"/> under the active version; the plaintext never leaves a wiped buffer.</summary>
    public byte[] Reseal(Guid integrationId, byte[] envelope) => cipher.Reseal(SecretPurpose.IntegrationCredentials, integrationId, envelope);
}
