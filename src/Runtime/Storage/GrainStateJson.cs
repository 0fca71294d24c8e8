using System.Text.Json;

namespace MindPeeker.Runtime.Storage;

/// <summary>How every store serializes state, so memory and PostgreSQL round-trip identically.</summary>
public static class GrainStateJson
{
    // jsonb stores object keys sorted by length, so a polymorphic "$type" can come back after other properties.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };

    public static byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options)!;

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
