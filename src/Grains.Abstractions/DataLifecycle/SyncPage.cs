namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// One page of an incremental-sync list: the live rows (<paramref name="Items"/>) and, when asked for, the rows deleted
/// since (<paramref name="Deleted"/>), together in <c>(updated_at, id)</c> order; <paramref name="Next"/> is the position
/// of the page's last row of either kind (set when <paramref name="HasMore"/>).
/// </summary>
public sealed record SyncPage<T>(IReadOnlyList<T> Items, IReadOnlyList<SyncTombstone> Deleted, bool HasMore, SyncPosition? Next);
