namespace MindPeeker.Grains.Identity;

/// <summary>
/// <c>Identity:SigningKeys</c>. With nothing configured the ring generates a 2048-bit RSA key on first
/// run and stores it unencrypted (development); production sets <see cref="Passphrase"/> or pins a key.
/// </summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Identity:SigningKeys";

    /// <summary>A PEM RSA private key to sign with instead of a generated one; rotation is then done by changing it.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>Encrypts stored private keys (PKCS#8, PBKDF2 + AES-256-CBC). Never logged.</summary>
    public string? Passphrase { get; set; }

    /// <summary>How long a replaced key keeps verifying; longer than the access-token lifetime. Default 1 day.</summary>
    public TimeSpan RetireAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>RSA modulus size for generated keys. Default 2048.</summary>
    public int KeySizeBits { get; set; } = 2048;
}
