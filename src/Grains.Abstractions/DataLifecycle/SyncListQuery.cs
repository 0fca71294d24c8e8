namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// An incremental-sync page of one owner's rows: those with <c>updated_at</c> at or after <paramref name="UpdatedSince"/>,
/// ordered by <c>(updated_at, id)</c> ascending, strictly after <paramref name="After"/> when given, at most
/// <paramref name="Limit"/> (1–100). <paramref name="IncludeDeleted"/> adds tombstones (deleted or revoked rows, with
/// their deletion time) so a mirror can remove them.
/// </summary>
public sealed record SyncListQuery(DateTimeOffset UpdatedSince, SyncPosition? After, int Limit, bool IncludeDeleted = false);
