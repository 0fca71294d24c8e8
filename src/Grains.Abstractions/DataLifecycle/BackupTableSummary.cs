namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// One table of a backup: its name, its row count, and the SHA-256 (lowercase hex) of its rows as PostgreSQL's binary
/// <c>COPY</c> format writes them in primary-key order — equal checksums mean equal content.
/// </summary>
public sealed record BackupTableSummary(string Name, long Rows, string Sha256);
