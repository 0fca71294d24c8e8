using System.Text.Json;
using System.Text.Json.Serialization;

namespace MindPeeker.Sdk.Sessions;

/// <summary>One analysis result of a session.</summary>
public sealed record SessionResult
{
    [JsonPropertyName("id")] public Guid Id { get; init; }

    [JsonPropertyName("session_id")] public Guid SessionId { get; init; }

    [JsonPropertyName("result_type")] public string ResultType { get; init; } = string.Empty;

    /// <summary>0–1, 4 decimals.</summary>
    [JsonPropertyName("confidence_score")] public decimal ConfidenceScore { get; init; }

    [JsonPropertyName("data")] public JsonElement Data { get; init; }

    [JsonPropertyName("model")] public ResultModel? Model { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The model that produced a result.</summary>
public sealed record ResultModel([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("version")] string Version);
