namespace MindPeeker.Runtime.Logging;

/// <summary>
/// The argument of silo control handler <c>dashboard.logs</c>: the filter, and either <see cref="After"/> (the oldest
/// <see cref="Limit"/> matching entries after that place) or nothing (the newest <see cref="Limit"/>).
/// </summary>
public sealed record LogTailQuery(string? Level, string? Grain, string? Session, LogPosition? After, int Limit);
