namespace MindPeeker.Grains.Identity;

/// <summary>
/// Last line of defence when audit details are read back: writers must never store secrets, but a value whose key
/// names a secret is replaced by <see cref="Redacted"/>, and URLs are cut to their origin (a webhook URL's path or
/// query can carry a token, its user-info a password). Pure and thread-safe.
/// </summary>
internal static class AuditDetailsRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretKeyParts = ["secret", "password", "token", "credential", "authorization", "private_key", "api_key"];

    public static string Redact(string key, string value)
    {
        if (SecretKeyParts.Any(part => key.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            return Redacted;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority).Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal)
            : value;
    }
}
