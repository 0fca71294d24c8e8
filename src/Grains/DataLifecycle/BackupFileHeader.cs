using System.Buffers.Binary;
using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// The plaintext header of a backup file: <c>"MPBACKUP" | format (1 byte = 1) | key id (int32 big endian: 0 =
/// Backups:EncryptionKey, n &gt; 0 = master key version n) | salt (32 bytes)</c>. The whole header is the additional
/// authenticated data of every chunk, so changing any of it fails decryption.
/// </summary>
internal sealed record BackupFileHeader(int KeyId, byte[] Salt)
{
    public const int Size = 8 + 1 + sizeof(int) + SaltSize;
    public const int SaltSize = 32;
    private const byte Format = 1;
    private static readonly byte[] Magic = "MPBACKUP"u8.ToArray();

    public static BackupFileHeader New(int keyId) => new(keyId, RandomNumberGenerator.GetBytes(SaltSize));

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        Magic.CopyTo(bytes, 0);
        bytes[8] = Format;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(9), KeyId);
        Salt.CopyTo(bytes, 13);
        return bytes;
    }

    public static async Task<BackupFileHeader> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[Size];
        try
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }
        catch (EndOfStreamException exception)
        {
            throw new BackupRejectedException("The backup file is truncated: its header is incomplete.", exception);
        }

        if (!bytes.AsSpan(0, 8).SequenceEqual(Magic) || bytes[8] != Format)
        {
            throw new BackupRejectedException("The file is not a MindPeeker backup of a known format.");
        }

        return new BackupFileHeader(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(9)), bytes.AsSpan(13, SaltSize).ToArray());
    }
}
