using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// The base keys backups are sealed under: key id 0 is <see cref="BackupOptions.EncryptionKey"/>; key id n &gt; 0 is
/// HKDF-SHA256(master key version n of <c>Integrations:Credentials</c>, info "mindpeeker/backup-key"), so a backup
/// key is never a key another purpose uses. A silo singleton; thread-safe.
/// </summary>
internal sealed class BackupKeys(IOptions<BackupOptions> options, MasterKeyRing masterKeys)
{
    private static readonly byte[] MasterInfo = "mindpeeker/backup-key"u8.ToArray();

    /// <summary>The key id new backups use: 0 with a configured key, else the active master key version.</summary>
    public int ActiveKeyId => options.Value.EncryptionKey is null ? masterKeys.ActiveVersion : 0;

    /// <summary>The base key of <paramref name="keyId"/>; <see cref="BackupRejectedException"/> when it is not configured.</summary>
    public byte[] Key(int keyId)
    {
        if (keyId == 0)
        {
            return options.Value.EncryptionKey is { } configured
                ? Convert.FromBase64String(configured.Trim())
                : throw new BackupRejectedException("The backup was encrypted with Backups:EncryptionKey, which is not configured.");
        }

        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKeys.Key(keyId, SecretPurpose.IntegrationCredentials).ToArray(), 32, info: MasterInfo);
        }
        catch (CryptographicException exception)
        {
            throw new BackupRejectedException($"The backup was encrypted under master key version {keyId}, which is not configured.", exception);
        }
    }
}
