namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// A backup failed verification (tampered or truncated file, wrong key, checksum or schema mismatch) or its id is
/// malformed; nothing was changed. The message says why and never holds key material. Crosses the grain wire by type name.
/// </summary>
public sealed class BackupRejectedException : Exception
{
    public BackupRejectedException()
    {
    }

    public BackupRejectedException(string message)
        : base(message)
    {
    }

    public BackupRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
