namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// One stored backup: its id (<c>bk_…</c>), when it was taken (UTC), the encrypted file's size in bytes, the schema
/// migrations it was taken at (<c>component:version</c>) and each table's row count and checksum.
/// </summary>
public sealed record BackupSummary(
    string Id,
    DateTimeOffset CreatedAt,
    long SizeBytes,
    IReadOnlyList<string> Schema,
    IReadOnlyList<BackupTableSummary> Tables);
