using System.Text.Json;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary>Reads a request's <c>credentials</c> object: every value must be a JSON string (others read as null and fail validation).</summary>
internal static class CredentialTexts
{
    public static Dictionary<string, string?> Of(Dictionary<string, JsonElement> credentials) =>
        credentials.ToDictionary(c => c.Key, c => c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString() : null, StringComparer.Ordinal);

    /// <summary>The values of validated credentials.</summary>
    public static Dictionary<string, string> Values(Dictionary<string, JsonElement> credentials) =>
        credentials.ToDictionary(c => c.Key, c => c.Value.GetString()!, StringComparer.Ordinal);
}
