namespace MindPeeker.Grains.DataLifecycle;

/// <summary>A backed-up table: its name, the columns copied (in order) with their types, and its primary-key columns (the copy order).</summary>
internal sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> PrimaryKey);
