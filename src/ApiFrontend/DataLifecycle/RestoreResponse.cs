namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// The answer of a restore: the backup now in the database, and <see cref="RestartRequired"/> (always
/// <see langword="true"/>): grain activations may still hold state cached before the restore until the silos restart.
/// </summary>
internal sealed record RestoreResponse(BackupResponse Backup, bool RestartRequired);
