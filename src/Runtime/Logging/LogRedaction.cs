using System.Text.RegularExpressions;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// Keeps secrets out of the log tail. A structured property whose name says it holds a secret (see
/// <see cref="IsSensitiveName"/>) has its value replaced wherever it appears in the message; and shapes that are
/// secrets whatever they are called are masked everywhere: API keys (<c>mpk_{prefix}_{secret}</c> keeps the prefix),
/// webhook secrets (<c>whsec_…</c>), JWTs, <c>Bearer</c> credentials and <c>Password=</c>/<c>pwd=</c> pairs of connection
/// strings. Thread-safe (stateless).
/// </summary>
public static partial class LogRedaction
{
    /// <summary>What a removed secret reads as.</summary>
    public const string Mask = "[redacted]";

    private static readonly string[] SensitiveNameParts =
        ["secret", "password", "passwd", "pwd", "token", "apikey", "api_key", "credential", "authorization", "cookie", "privatekey", "masterkey", "connectionstring"];

    /// <summary>Whether a property named <paramref name="name"/> holds a secret (case-insensitive; <c>ClientSecret</c>, <c>api_key</c>, <c>RefreshToken</c> …).</summary>
    public static bool IsSensitiveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var part in SensitiveNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="text"/> with every one of <paramref name="sensitiveValues"/> (values of sensitive properties, at
    /// least 4 characters long) and every secret-shaped token replaced by <see cref="Mask"/>.
    /// </summary>
    public static string Redact(string text, IReadOnlyList<string>? sensitiveValues = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (sensitiveValues is not null)
        {
            foreach (var value in sensitiveValues)
            {
                if (value.Length >= 4)
                {
                    text = text.Replace(value, Mask, StringComparison.Ordinal);
                }
            }
        }

        text = ApiKey().Replace(text, "$1" + Mask);
        text = WebhookSecret().Replace(text, "whsec_" + Mask);
        text = Jwt().Replace(text, Mask);
        text = Bearer().Replace(text, "$1" + Mask);
        return PasswordPair().Replace(text, "$1" + Mask);
    }

    [GeneratedRegex(@"(mpk_[0-9a-f]{12}_)[A-Za-z0-9_\-]+")]
    private static partial Regex ApiKey();

    [GeneratedRegex(@"whsec_[A-Za-z0-9+/=_\-]+")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)(\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?i)(\b(?:password|pwd|secret|api[_-]?key|token)\s*[=:]\s*)[^;,\s""']+")]
    private static partial Regex PasswordPair();
}
