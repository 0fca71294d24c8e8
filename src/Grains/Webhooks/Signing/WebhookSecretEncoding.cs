using System.Diagnostics.CodeAnalysis;

namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>Decodes the base64 part of a secret leniently: optional prefix, optional padding, standard or URL-safe alphabet.</summary>
internal static class WebhookSecretEncoding
{
    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? key, [NotNullWhen(false)] out string? reason)
    {
        key = null;
        reason = null;
        var body = (text ?? string.Empty).Trim();
        if (body.StartsWith(WebhookSecret.Prefix, StringComparison.Ordinal))
        {
            body = body[WebhookSecret.Prefix.Length..];
        }

        if (body.Length == 0)
        {
            reason = "The webhook secret is empty.";
            return false;
        }

        if (body.Any(char.IsWhiteSpace))
        {
            reason = "The webhook secret must not contain spaces or line breaks.";
            return false;
        }

        var normalized = body.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (normalized.Length % 4 == 1 || body.Length - body.TrimEnd('=').Length > 2)
        {
            reason = "The webhook secret is not valid base64.";
            return false;
        }

        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length / 4 * 3];
        if (!Convert.TryFromBase64String(normalized, buffer, out var written))
        {
            reason = "The webhook secret is not valid base64.";
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
