using System.Text.Json.Nodes;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// Hides secrets in grain state shown to operators: every property, at any depth, whose name (ignoring case,
/// <c>_</c> and <c>-</c>) contains secret, password, token, hash, credential, keymaterial or apikey has its value
/// replaced by the string <c>"[redacted]"</c>, whatever the value was (object, array, scalar or null).
/// </summary>
internal static class StateRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretWords = ["secret", "password", "token", "hash", "credential", "keymaterial", "apikey"];

    /// <summary>Redacts <paramref name="node"/> in place and returns it.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecret(name))
                    {
                        obj[name] = Redacted;
                    }
                    else
                    {
                        Redact(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }

        return node;
    }

    public static bool IsSecret(string propertyName)
    {
        var normalized = propertyName.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretWords.Any(word => normalized.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
