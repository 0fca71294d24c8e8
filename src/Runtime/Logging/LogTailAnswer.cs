namespace MindPeeker.Runtime.Logging;

/// <summary>One process's answer to <c>dashboard.logs</c>: its buffer's <see cref="LogRingBuffer.Id"/> and the matching entries in append order.</summary>
public sealed record LogTailAnswer(Guid BufferId, IReadOnlyList<LogTailEntry> Entries);
