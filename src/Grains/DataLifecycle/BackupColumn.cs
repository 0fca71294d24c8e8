namespace MindPeeker.Grains.DataLifecycle;

/// <summary>A column of a backed-up table and its PostgreSQL type as <c>format_type</c> writes it.</summary>
internal sealed record BackupColumn(string Name, string Type);
