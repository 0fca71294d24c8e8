using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// A session grain's state in memory: the session as its <c>sessions</c> row has it (loaded and
/// written by <see cref="SessionStore"/>) and how far its analysis got. A change is made on a
/// <see cref="Copy"/>, which replaces the state only once PostgreSQL has taken it.
/// </summary>
internal sealed class SessionState
{
    public Guid OwnerId { get; set; }

    public string Cue { get; set; } = "";

    public string SessionType { get; set; } = "";

    public SessionParameters Parameters { get; set; } = new(0, []);

    public JsonElement? Metadata { get; set; }

    public string Status { get; set; } = SessionStatus.Pending;

    public int Progress { get; set; }

    public string? Error { get; set; }

    public int ResultCount { get; set; }

    /// <summary>The sequence of the last update; 0 while the session does not exist.</summary>
    public long LastSequence { get; set; }

    /// <summary>The index in <see cref="SessionParameters.AnalysisTypes"/> of the next analysis to run.</summary>
    public int NextAnalysis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public bool Exists => LastSequence > 0;

    /// <summary>Whether the analysis still has work to do (neither final nor deleted).</summary>
    public bool IsUnfinished => Exists && DeletedAt is null && !SessionStatus.IsFinal(Status);

    /// <summary>A copy to change; every member is a value or immutable, so a shallow copy is independent.</summary>
    public SessionState Copy() => (SessionState)MemberwiseClone();
}
