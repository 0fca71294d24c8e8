using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// A session as the API shows it (API.md, "Sessions"), as of the update with sequence
/// <paramref name="LastSequence"/>. Times are UTC with microsecond precision, as PostgreSQL stores them.
/// </summary>
public sealed record SessionSnapshot(
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
    long LastSequence);
