using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// What a backup holds: its id and time, the schema migrations applied when it was taken, and each table's row count and
/// SHA-256. Stored inside the encrypted file (authoritative, checked on restore) and as a plaintext <c>.json</c> next to
/// it for listing.
/// </summary>
internal sealed record BackupManifest(string Id, DateTimeOffset CreatedAt, IReadOnlyList<string> Schema, IReadOnlyList<BackupTableSummary> Tables)
{
    public BackupSummary ToSummary(long sizeBytes) => new(Id, CreatedAt, sizeBytes, Schema, Tables);
}
