using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>
/// Signs and verifies webhook messages per the Standard Webhooks specification: the signed content is
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> (UTF-8, body as the exact bytes sent), the signature is
/// <c>v1,</c> + base64 HMAC-SHA256 with the secret's key bytes. Also produces the legacy
/// <c>X-MindPeeker-Signature</c>: lowercase hex HMAC-SHA256 of the raw body alone with the same key bytes.
/// Stateless apart from the clock; thread safe; register one per process.
/// </summary>
public sealed class StandardWebhookSigner(TimeProvider timeProvider)
{
    /// <summary>How far a timestamp may lie in the past or future and still verify (5 minutes, per the specification).</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v1,";

    /// <summary>The four signature headers for <paramref name="body"/>, timestamped now.</summary>
    public WebhookSignatureHeaders CreateHeaders(WebhookSecret secret, string messageId, ReadOnlySpan<byte> body) =>
        CreateHeaders(secret, messageId, timeProvider.GetUtcNow(), body);

    /// <summary>The four signature headers for <paramref name="body"/> with the given <paramref name="timestamp"/> (truncated to whole seconds).</summary>
    public static WebhookSignatureHeaders CreateHeaders(WebhookSecret secret, string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        return new WebhookSignatureHeaders(messageId, seconds, Sign(secret, messageId, seconds, body), SignLegacy(secret, body));
    }

    /// <summary>The <c>webhook-signature</c> value <c>v1,&lt;base64&gt;</c> for a message.</summary>
    /// <param name="secret">The endpoint's secret.</param>
    /// <param name="messageId">The <c>webhook-id</c>, signed as its UTF-8 bytes; must not contain '.'.</param>
    /// <param name="unixSeconds">The <c>webhook-timestamp</c> in Unix seconds.</param>
    /// <param name="body">The exact request body bytes.</param>
    public static string Sign(WebhookSecret secret, string messageId, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (messageId.Contains('.', StringComparison.Ordinal))
        {
            // The specification forbids '.' in the id: it would let one id/timestamp split pose as another.
            throw new ArgumentException("A webhook message id must not contain '.'.", nameof(messageId));
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeStandardMac(secret, messageId, unixSeconds, body, mac);
        return VersionPrefix + Convert.ToBase64String(mac);
    }

    /// <summary>The legacy <c>X-MindPeeker-Signature</c> value: lowercase hex HMAC-SHA256 of <paramref name="body"/> with the secret's key bytes.</summary>
    public static string SignLegacy(WebhookSecret secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.Key, body, mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Verifies a received message: the timestamp must be within <see cref="TimestampTolerance"/> of now (either
    /// direction) and one of the space-separated <c>v1,</c> entries of <paramref name="signatureHeader"/> must
    /// match (constant-time comparison; entries of other versions are ignored).
    /// </summary>
    public WebhookVerificationResult Verify(
        WebhookSecret secret,
        string? messageId,
        string? timestampHeader,
        string? signatureHeader,
        ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookVerificationResult.MissingHeader;
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerificationResult.InvalidTimestamp;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)TimestampTolerance.TotalSeconds;
        if (seconds < now - tolerance)
        {
            return WebhookVerificationResult.TimestampTooOld;
        }

        if (seconds > now + tolerance)
        {
            return WebhookVerificationResult.TimestampTooNew;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeStandardMac(secret, messageId, seconds, body, expected);
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry[VersionPrefix.Length..], received, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(expected, received))
            {
                return WebhookVerificationResult.Valid;
            }
        }

        return WebhookVerificationResult.NoMatchingSignature;
    }

    /// <summary>Whether <paramref name="legacyHeader"/> is the hex HMAC-SHA256 of <paramref name="body"/> (case-insensitive hex, constant-time).</summary>
    public static bool VerifyLegacy(WebhookSecret secret, string? legacyHeader, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (legacyHeader is null || legacyHeader.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(legacyHeader, received, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != received.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.Key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    private static void ComputeStandardMac(WebhookSecret secret, string messageId, long unixSeconds, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{unixSeconds}."));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
