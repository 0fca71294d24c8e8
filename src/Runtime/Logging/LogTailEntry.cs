namespace MindPeeker.Runtime.Logging;

/// <summary>
/// One log entry kept by the live log tail (<see cref="LogRingBuffer"/>). <see cref="Message"/> is the formatted
/// message with secrets redacted (<see cref="LogRedaction"/>); <see cref="Level"/> is the lower-case level name
/// (<c>trace</c> … <c>critical</c>). <see cref="GrainType"/>, <see cref="GrainId"/> and <see cref="SessionId"/> come from
/// the entry's state or scopes when they carry them; the exception is kept as its type and (redacted) message only.
/// <see cref="Sequence"/> numbers entries per process; <see cref="Silo"/> and <see cref="Cursor"/> are set when entries
/// of several silos are merged (the cursor names this entry's place in the merged order).
/// </summary>
public sealed record LogTailEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string Level,
    string Category,
    int EventId,
    string? EventName,
    string Message,
    string? GrainType,
    string? GrainId,
    string? SessionId,
    string? ExceptionType,
    string? ExceptionMessage)
{
    /// <summary>The silo (or front end) that logged the entry; null before a merge.</summary>
    public string? Silo { get; init; }

    /// <summary>Pass as <c>after</c> to read what came after this entry; null before a merge.</summary>
    public string? Cursor { get; init; }
}
