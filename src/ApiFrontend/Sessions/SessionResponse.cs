using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>A session as API.md shows it (snake_case by the API's JSON options).</summary>
internal sealed record SessionResponse(
    Guid Id,
    Guid UserId,
    string Cue,
    string SessionType,
    string Status,
    int Progress,
    SessionParameters Parameters,
    JsonElement? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    int ResultCount,
    SessionUrls Urls)
{
    public static SessionResponse From(SessionSnapshot session) => new(
        session.Id,
        session.UserId,
        session.Cue,
        session.SessionType,
        session.Status,
        session.Progress,
        session.Parameters,
        session.Metadata,
        session.CreatedAt,
        session.UpdatedAt,
        session.StartedAt,
        session.CompletedAt,
        session.Error,
        session.ResultCount,
        SessionUrls.Of(session.Id));
}
