using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>
/// A webhook endpoint's signing secret in the Standard Webhooks form <c>whsec_&lt;base64&gt;</c>: the HMAC-SHA256
/// key is the base64-decoded part after the prefix (24–64 bytes). Both the <c>webhook-signature</c> and the legacy
/// <c>X-MindPeeker-Signature</c> are computed with these key bytes. Immutable and thread safe.
/// <see cref="ToString"/> never shows the key; <see cref="Export"/> is the one way to read it out (to store it, or
/// to show it to the owner once at creation).
/// </summary>
public sealed class WebhookSecret
{
    /// <summary>The prefix the Standard Webhooks specification puts before the base64 key.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Fewest key bytes accepted (192 bits), per the specification.</summary>
    public const int MinimumKeyBytes = 24;

    /// <summary>Most key bytes accepted (512 bits), per the specification.</summary>
    public const int MaximumKeyBytes = 64;

    /// <summary>Key bytes of a generated secret unless asked otherwise (256 bits).</summary>
    public const int DefaultKeyBytes = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>The HMAC key length in bytes.</summary>
    public int KeyLength => _key.Length;

    /// <summary>The HMAC-SHA256 key bytes. Never log them.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>A new secret of <paramref name="keyBytes"/> cryptographically random bytes (24–64, default 32).</summary>
    public static WebhookSecret Generate(int keyBytes = DefaultKeyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyBytes, MinimumKeyBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyBytes, MaximumKeyBytes);
        return new WebhookSecret(RandomNumberGenerator.GetBytes(keyBytes));
    }

    /// <summary>
    /// Reads a secret with or without the <c>whsec_</c> prefix, with or without base64 padding (standard or
    /// URL-safe alphabet). Throws <see cref="FormatException"/> with a reason (never containing the value) when it
    /// is not one.
    /// </summary>
    public static WebhookSecret Parse(string text) =>
        TryParse(text, out var secret, out var reason) ? secret : throw new FormatException(reason);

    /// <summary>Like <see cref="Parse"/>, answering false with a reason suitable for a problem <c>detail</c>.</summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out WebhookSecret? secret,
        [NotNullWhen(false)] out string? reason)
    {
        secret = null;
        if (!WebhookSecretEncoding.TryDecode(text, out var key, out reason))
        {
            return false;
        }

        if (key.Length is < MinimumKeyBytes or > MaximumKeyBytes)
        {
            reason = $"The webhook secret must encode {MinimumKeyBytes} to {MaximumKeyBytes} bytes; it encodes {key.Length}.";
            return false;
        }

        secret = new WebhookSecret(key);
        return true;
    }

    /// <summary>The canonical text form <c>whsec_&lt;padded standard base64&gt;</c>. Contains the key: never log it.</summary>
    public string Export() => Prefix + Convert.ToBase64String(_key);

    /// <summary>A redacted description; the key is never part of it.</summary>
    public override string ToString() => $"{Prefix}*** ({_key.Length} bytes)";
}
