namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// <c>Backups</c>: where backups are stored, how they are encrypted, how many are kept and how often one is taken.
/// Validated on start (<see cref="BackupOptionsValidator"/>).
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>The directory holding the backup files (created when missing). Default <c>.data/backups</c> (relative to the working directory).</summary>
    public string Directory { get; set; } = Path.Combine(".data", "backups");

    /// <summary>
    /// Base64 of a 32-byte AES-256 key for backups (e.g. <c>openssl rand -base64 32</c>). Unset: backups are encrypted
    /// under the active master key of <c>Integrations:Credentials</c> (with its own HKDF purpose), which must then stay
    /// configured to restore them. Never logged.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>How many backups to keep (newest first) after each create; 0 keeps all. Default 7.</summary>
    public int RetentionCount { get; set; } = 7;

    /// <summary>Backups older than this are deleted after each create (the newest is always kept); unset keeps them regardless of age.</summary>
    public TimeSpan? RetentionAge { get; set; }

    /// <summary>Take a backup every this long (checked by each silo; one backup per interval cluster-wide). Unset (the default): no schedule.</summary>
    public TimeSpan? Schedule { get; set; }
}
