using System.Text.Json.Serialization;

namespace MindPeeker.Sdk.Sessions;

/// <summary>
/// A <c>session_update</c> (docs/realtime.md): live from the hub, or read back from the events endpoint.
/// <see cref="Sequence"/> rises by one per update of the session.
/// </summary>
public sealed record SessionUpdate
{
    [JsonPropertyName("sessionId")] public Guid SessionId { get; init; }

    [JsonPropertyName("sequence")] public long Sequence { get; init; }

    [JsonPropertyName("data")] public SessionUpdateData Data { get; init; } = new();

    [JsonPropertyName("timestamp")] public DateTimeOffset Timestamp { get; init; }
}

/// <summary>The session's state after the update, and what happened.</summary>
public sealed record SessionUpdateData
{
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;

    [JsonPropertyName("progress")] public int Progress { get; init; }

    /// <summary><c>created</c>, <c>started</c>, <c>result</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c>, <c>updated</c>, <c>deleted</c>.</summary>
    [JsonPropertyName("event")] public string Event { get; init; } = string.Empty;

    [JsonPropertyName("result_count")] public int ResultCount { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }
}
