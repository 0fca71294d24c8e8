using System.Text.Json;
using System.Text.Json.Serialization;

namespace MindPeeker.Sdk.Sessions;

/// <summary>A session as the API answers it (API.md, "Sessions").</summary>
public sealed record Session
{
    [JsonPropertyName("id")] public Guid Id { get; init; }

    [JsonPropertyName("user_id")] public Guid UserId { get; init; }

    [JsonPropertyName("cue")] public string Cue { get; init; } = string.Empty;

    /// <summary><c>remote_viewing</c>, <c>dowsing</c>, <c>precognition</c> or <c>intuitive_analysis</c>.</summary>
    [JsonPropertyName("session_type")] public string SessionType { get; init; } = string.Empty;

    /// <summary><c>pending</c> → <c>processing</c> → <c>completed</c> | <c>failed</c> | <c>cancelled</c>; see <see cref="SessionStatuses"/>.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;

    /// <summary>0–100.</summary>
    [JsonPropertyName("progress")] public int Progress { get; init; }

    [JsonPropertyName("parameters")] public JsonElement? Parameters { get; init; }

    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; init; }

    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; init; }

    [JsonPropertyName("completed_at")] public DateTimeOffset? CompletedAt { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }

    [JsonPropertyName("result_count")] public int ResultCount { get; init; }

    /// <summary>True once the status is final (completed, failed or cancelled).</summary>
    [JsonIgnore] public bool IsFinal => SessionStatuses.IsFinal(Status);
}
