namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// An incremental-sync page: the list's usual <c>items</c> (changed rows), <c>deleted</c> (tombstones, only with
/// <c>include_deleted=true</c>, else empty), <c>has_more</c> and <c>next_cursor</c> (opaque; pass it as
/// <c>starting_after</c> with the same <c>updated_since</c>).
/// </summary>
internal sealed record SyncListResponse<T>(IReadOnlyList<T> Items, IReadOnlyList<DeletedItemResponse> Deleted, bool HasMore, string? NextCursor);
