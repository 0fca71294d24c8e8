using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// Database backups (docs/data-lifecycle.md): one activation (key 0) serializes creates, restores and deletes.
/// Each call does its work before answering, so a backup of a large database may outlast the grain call timeout: use
/// the CLI (<c>dotnet MindPeeker.Silo.dll backup create</c>) for those.
/// </summary>
public interface IBackupGrain : IGrainWithIntegerKey
{
    /// <summary>Takes a backup now, then applies retention. Returns its summary.</summary>
    Task<BackupSummary> Create();

    /// <summary>Takes a backup when the newest one is older than <paramref name="interval"/> (or none exists); <see langword="null"/> when none was due.</summary>
    Task<BackupSummary?> CreateIfDue(TimeSpan interval);

    /// <summary>The stored backups, newest first.</summary>
    Task<IReadOnlyList<BackupSummary>> List();

    /// <summary>
    /// Verifies the backup (authentication tags, checksums, schema) and replaces every backed-up table with its content in
    /// one transaction. <see langword="null"/> when no such backup exists; throws <see cref="BackupRejectedException"/>
    /// (database untouched) when it fails verification.
    /// </summary>
    Task<BackupSummary?> Restore(string backupId);

    /// <summary>Deletes the backup's files; <see langword="false"/> when no such backup exists.</summary>
    Task<bool> Delete(string backupId);
}
