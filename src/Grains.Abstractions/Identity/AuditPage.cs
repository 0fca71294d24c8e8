namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// One page of audit entries, newest first. <see cref="HasMore"/> says whether older matching entries exist;
/// <see cref="CursorFound"/> is false (and the page empty) when the query's <c>StartingAfter</c> names no entry.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, bool HasMore, bool CursorFound = true);
