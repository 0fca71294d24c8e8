using System.Text.Json.Serialization;

namespace MindPeeker.Sdk.Sessions;

/// <summary>One page of a list (API.md, "Lists").</summary>
internal sealed record Page<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("has_more")] bool HasMore,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

/// <summary>An <c>{items: [...]}</c> answer.</summary>
internal sealed record Items<T>([property: JsonPropertyName("items")] IReadOnlyList<T> Values);
