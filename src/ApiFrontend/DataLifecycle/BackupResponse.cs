using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>A backup as the admin API shows it: id, time, encrypted size in bytes, schema and each table's row count and SHA-256.</summary>
internal sealed record BackupResponse(string Id, DateTimeOffset CreatedAt, long SizeBytes, IReadOnlyList<string> Schema, IReadOnlyList<BackupTableSummary> Tables)
{
    public static BackupResponse From(BackupSummary summary) =>
        new(summary.Id, summary.CreatedAt, summary.SizeBytes, summary.Schema, summary.Tables);
}
