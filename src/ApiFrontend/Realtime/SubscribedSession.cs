using System.Text.Json.Serialization;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// What <c>Subscribe</c> answers: the session now and the <c>sequence</c> of the last update it
/// reflects. Live updates with a sequence at or below it are already included; a gap above it is
/// read from <c>/v1/sessions/{id}/events?starting_after=</c>.
/// </summary>
internal sealed record SubscribedSession(
    [property: JsonPropertyName("session")] SubscribedSessionState Session,
    [property: JsonPropertyName("sequence")] long Sequence)
{
    public static SubscribedSession From(SessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SubscribedSession(
            new SubscribedSessionState(
                snapshot.Id,
                snapshot.UserId,
                snapshot.SessionType,
                snapshot.Status,
                snapshot.Progress,
                snapshot.ResultCount,
                snapshot.Error,
                snapshot.CreatedAt,
                snapshot.UpdatedAt,
                snapshot.StartedAt,
                snapshot.CompletedAt),
            snapshot.LastSequence);
    }
}

/// <summary>The session's state, named as in the REST API's session object.</summary>
internal sealed record SubscribedSessionState(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("user_id")] Guid UserId,
    [property: JsonPropertyName("session_type")] string SessionType,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("progress")] int Progress,
    [property: JsonPropertyName("result_count")] int ResultCount,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt);
