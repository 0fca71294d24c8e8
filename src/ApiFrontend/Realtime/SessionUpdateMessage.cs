using System.Text.Json.Serialization;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// The <c>session_update</c> event as clients receive it (API.md, "Real time"): <c>type</c>,
/// <c>sessionId</c>, <c>sequence</c>, <c>data</c> and <c>timestamp</c>. The member names are fixed
/// here, whatever the hub protocol's naming policy.
/// </summary>
internal sealed record SessionUpdateMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("sessionId")] Guid SessionId,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("data")] SessionUpdateData Data,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp)
{
    /// <summary>The hub method name clients listen on, and the value of <see cref="Type"/>.</summary>
    public const string EventName = "session_update";

    public static SessionUpdateMessage From(SessionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new SessionUpdateMessage(
            EventName,
            update.SessionId,
            update.Sequence,
            new SessionUpdateData(update.Status, update.Progress, update.Event, update.ResultCount, update.Error),
            update.Timestamp);
    }
}

/// <summary>The session's state after the update, and what happened (<c>event</c>).</summary>
internal sealed record SessionUpdateData(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("progress")] int Progress,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("result_count")] int ResultCount,
    [property: JsonPropertyName("error")] string? Error);
