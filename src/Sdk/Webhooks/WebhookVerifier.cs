using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Sdk.Webhooks;

/// <summary>
/// Verifies MindPeeker webhook deliveries per the Standard Webhooks specification (docs/webhook-signatures.md):
/// <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c>
/// entries; any matching one is accepted, compared in constant time; <c>webhook-timestamp</c> must be within
/// <see cref="Tolerance"/> (default 5 minutes) of the clock, either way. Verify the raw body bytes before
/// parsing them. Thread safe.
/// </summary>
public sealed class WebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="secret">The endpoint's secret, <c>whsec_</c> + base64 (the prefix, padding and URL-safe alphabet are optional).</param>
    /// <param name="timeProvider">The clock the timestamp is checked against; default the system clock.</param>
    /// <param name="tolerance">How far the timestamp may be from the clock; default 5 minutes.</param>
    public WebhookVerifier(string secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = DecodeSecret(secret);
        _time = timeProvider ?? TimeProvider.System;
        Tolerance = tolerance ?? TimeSpan.FromMinutes(5);
    }

    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a delivery from its headers (names case-insensitive) and raw body; throws <see cref="WebhookVerificationException"/> when it is not genuine.</summary>
    public void Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Verify(body, map.GetValueOrDefault(IdHeader), map.GetValueOrDefault(TimestampHeader), map.GetValueOrDefault(SignatureHeader));
    }

    /// <summary>Verifies a delivery from its three Standard Webhooks headers and raw body; throws <see cref="WebhookVerificationException"/> when it is not genuine.</summary>
    public void Verify(ReadOnlySpan<byte> body, string? id, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            throw new WebhookVerificationException("A webhook-id, webhook-timestamp or webhook-signature header is missing.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException("The webhook-timestamp is not a Unix time in seconds.");
        }

        var skew = _time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(skew) > Tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException(skew > 0 ? "The webhook-timestamp is too old." : "The webhook-timestamp is too far in the future.");
        }

        var expected = Sign(id, timestamp, body);
        foreach (var entry in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || entry[..comma] != "v1")
            {
                continue;
            }

            var candidate = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(entry[(comma + 1)..], candidate, out var written)
                && CryptographicOperations.FixedTimeEquals(candidate.AsSpan(0, written), expected))
            {
                return;
            }
        }

        throw new WebhookVerificationException("No webhook-signature entry matches.");
    }

    /// <summary>True when the delivery is genuine; false otherwise (see <see cref="Verify(ReadOnlySpan{byte}, string?, string?, string?)"/>).</summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? id, string? timestamp, string? signature)
    {
        try
        {
            Verify(body, id, timestamp, signature);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    private byte[] Sign(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, message);
    }

    private static byte[] DecodeSecret(string secret)
    {
        var text = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret;
        text = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The webhook secret is not whsec_ followed by base64.", nameof(secret), exception);
        }
    }
}
