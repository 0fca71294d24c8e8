namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// One change of one session, as clients see it (API.md, "Real time"): <see cref="Sequence"/>
/// rises by one per update of the session, so a client that missed some fetches them from the
/// events endpoint. <see cref="Event"/> names what happened (<c>created</c>, <c>started</c>,
/// <c>progress</c>, <c>result</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c>, <c>updated</c>).
/// </summary>
public sealed record SessionUpdate(
    Guid SessionId,
    Guid OwnerId,
    long Sequence,
    string Event,
    string Status,
    int Progress,
    int ResultCount,
    string? Error,
    DateTimeOffset Timestamp);
