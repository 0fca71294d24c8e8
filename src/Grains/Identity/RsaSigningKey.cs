using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Grains.Identity;

/// <summary>Key material helpers: RFC 7638 key ids and PKCS#8 storage, encrypted when a passphrase is set.</summary>
internal static class RsaSigningKey
{
    private static readonly PbeParameters Encryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);

    /// <summary>The RFC 7638 JWK thumbprint (SHA-256, base64url): stable for the same key everywhere.</summary>
    public static string KeyId(RSAParameters publicKey)
    {
        var json = $$"""{"e":"{{Base64Url.EncodeToString(publicKey.Exponent)}}","kty":"RSA","n":"{{Base64Url.EncodeToString(publicKey.Modulus)}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    public static byte[] Protect(RSA rsa, string? passphrase) =>
        string.IsNullOrEmpty(passphrase) ? rsa.ExportPkcs8PrivateKey() : rsa.ExportEncryptedPkcs8PrivateKey(passphrase, Encryption);

    public static RSA Unprotect(byte[] stored, bool encrypted, string? passphrase)
    {
        var rsa = RSA.Create();
        if (!encrypted)
        {
            rsa.ImportPkcs8PrivateKey(stored, out _);
            return rsa;
        }

        if (string.IsNullOrEmpty(passphrase))
        {
            rsa.Dispose();
            throw new InvalidOperationException(
                $"A stored signing key is encrypted but {SigningKeyOptions.Section}:Passphrase is not configured.");
        }

        rsa.ImportEncryptedPkcs8PrivateKey(passphrase, stored, out _);
        return rsa;
    }
}
