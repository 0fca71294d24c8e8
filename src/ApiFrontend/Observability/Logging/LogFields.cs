namespace MindPeeker.ApiFrontend.Observability.Logging;

/// <summary>
/// What <see cref="JsonLogFormatter"/> collects from a log entry's state and scopes: user and session ids, the other
/// properties (metadata, first occurrence wins: the entry's own state before its scopes, inner scopes before outer
/// ones) and the values of secret-named properties, to redact wherever else they appear. One per entry; not shared.
/// </summary>
internal sealed class LogFields
{
    private const string OriginalFormat = "{OriginalFormat}";

    private List<string>? _sensitiveValues;

    public string? UserId { get; set; }

    public string? SessionId { get; set; }

    public List<KeyValuePair<string, object?>> Metadata { get; } = [];

    public IReadOnlyList<string>? SensitiveValues => _sensitiveValues;

    public void Read(object? state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> properties)
        {
            if (state is string text && text.Length > 0 && !Contains("scope"))
            {
                Metadata.Add(new("scope", text));
            }

            return;
        }

        foreach (var (name, value) in properties)
        {
            if (name.Length == 0 || string.Equals(name, OriginalFormat, StringComparison.Ordinal))
            {
                continue;
            }

            if (IsNamed(name, "userid"))
            {
                UserId ??= value?.ToString();
            }
            else if (IsNamed(name, "sessionid"))
            {
                SessionId ??= value?.ToString();
            }
            else if (!Contains(name))
            {
                if (IsSecretName(name))
                {
                    if (value?.ToString() is { Length: > 0 } secret)
                    {
                        (_sensitiveValues ??= []).Add(secret);
                    }

                    Metadata.Add(new(ToSnakeCase(name), Runtime.Logging.LogRedaction.Mask));
                }
                else
                {
                    Metadata.Add(new(ToSnakeCase(name), value));
                }
            }
        }
    }

    /// <summary>
    /// Secret by name: what the log tail's rules say (password, secret, token, api key, credential, authorization, …) or
    /// key material (a name ending in <c>key</c>, such as <c>SigningKey</c> or <c>private_key</c>).
    /// </summary>
    public static bool IsSecretName(string name) =>
        Runtime.Logging.LogRedaction.IsSensitiveName(name)
        || Runtime.Logging.LogRedaction.IsSensitiveName(name.Replace("_", string.Empty, StringComparison.Ordinal))
        || name.EndsWith("key", StringComparison.OrdinalIgnoreCase);

    private bool Contains(string name)
    {
        var snake = ToSnakeCase(name);
        foreach (var (existing, _) in Metadata)
        {
            if (string.Equals(existing, snake, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamed(string name, string lowerWithoutUnderscores)
    {
        var index = 0;
        foreach (var c in name)
        {
            if (c == '_')
            {
                continue;
            }

            if (index >= lowerWithoutUnderscores.Length || char.ToLowerInvariant(c) != lowerWithoutUnderscores[index++])
            {
                return false;
            }
        }

        return index == lowerWithoutUnderscores.Length;
    }

    /// <summary><c>GrainType</c> → <c>grain_type</c>; names already in snake case are kept.</summary>
    private static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
