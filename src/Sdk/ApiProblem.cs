using System.Text.Json.Serialization;

namespace MindPeeker.Sdk;

/// <summary>An RFC 9457 problem+json error body as the MindPeeker API answers it.</summary>
public sealed record ApiProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>Validation failures: field name → messages (empty when the error is not a validation failure).</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
