using System.Text;
using System.Text.Json;
using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>The rules for a session's <c>metadata</c>: a JSON object of at most 16 KiB; <c>encrypted</c>, when present, a boolean.</summary>
internal static class SessionMetadata
{
    public static void Validate(JsonElement? metadata, Dictionary<string, string[]> errors, bool required)
    {
        if (metadata is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.AddError("metadata", "A metadata object is required.");
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.AddError("metadata", "Must be a JSON object.");
        }
        else if (Encoding.UTF8.GetByteCount(value.GetRawText()) > SessionLimits.MaxMetadataBytes)
        {
            errors.AddError("metadata", $"Must be at most {SessionLimits.MaxMetadataBytes} bytes of JSON.");
        }
        else if (value.TryGetProperty("encrypted", out var encrypted) && encrypted.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.AddError("metadata.encrypted", "Must be true or false.");
        }
    }

    /// <summary>Whether the client encrypted the cue (<c>metadata.encrypted = true</c>): it is then opaque text.</summary>
    public static bool IsEncrypted(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("encrypted", out var encrypted)
        && encrypted.ValueKind == JsonValueKind.True;

    /// <summary>The metadata to store: absent or <c>null</c> become no metadata.</summary>
    public static JsonElement? Normalize(JsonElement? metadata) =>
        metadata is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? value : null;
}
