using System.Globalization;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Groups operations by the first path segment after <c>/v1</c> (<c>/v1/sessions/…</c> → <c>Sessions</c>,
/// <c>/v1/admin/…</c> → <c>Admin</c>, <c>/v1/auth</c> and <c>/v1/users</c> → <c>Identity</c>), so new
/// endpoints land in the right group without metadata of their own.
/// </summary>
internal static class ApiTags
{
    public const string Identity = "Identity";
    public const string Operations = "Operations";

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auth"] = Identity,
        ["users"] = Identity,
        ["api-keys"] = "API keys",
        ["rate-limits"] = "Rate limits",
    };

    /// <summary>What each tag holds, for the document's tag list; tags not listed get a generic text.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Identity] = "Registration, login, token refresh, the current user and the JWT signing keys.",
        ["API keys"] = "Keys for server-to-server calls (`X-API-Key`); the secret is shown only when created.",
        ["Sessions"] = "Analysis sessions: create, follow, list incrementally, read results and events.",
        ["Webhooks"] = "Webhook endpoints and their deliveries (Standard Webhooks signatures).",
        ["Integrations"] = "Connections to external platforms; credentials are never returned.",
        ["Admin"] = "Operator endpoints: audit, runtime, circuit breakers, dashboard, backups. Admin role only.",
        ["Rate limits"] = "The caller's own rate-limit state.",
        [Operations] = "Health probes and service documents; no authentication.",
    };

    public static string For(string relativePath)
    {
        var segments = relativePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !string.Equals(segments[0], "v1", StringComparison.OrdinalIgnoreCase))
        {
            return Operations;
        }

        var first = segments[1];
        return Names.TryGetValue(first, out var name)
            ? name
            : string.Concat(char.ToUpper(first[0], CultureInfo.InvariantCulture).ToString(), first[1..].Replace('-', ' '));
    }
}
