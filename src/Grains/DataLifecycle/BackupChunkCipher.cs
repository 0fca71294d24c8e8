using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// AES-256-GCM over a backup file's chunks. The file key is HKDF-SHA256(base key, header salt, "mindpeeker/backup/v1");
/// chunk i's 96-bit nonce is <c>flag (4 bytes: 1 on the final chunk, else 0) | i (8 bytes big endian)</c>, so chunks
/// cannot be reordered, dropped or appended after the final one without failing authentication; the header is the
/// additional data. Chunk on disk: <c>plaintext length (int32 big endian) | tag (16) | ciphertext</c>. Not thread-safe.
/// </summary>
internal sealed class BackupChunkCipher : IDisposable
{
    public const int ChunkSize = 1024 * 1024;
    public const int TagSize = 16;
    private static readonly byte[] Info = "mindpeeker/backup/v1"u8.ToArray();

    private readonly AesGcm _aes;
    private readonly byte[] _associatedData;

    public BackupChunkCipher(ReadOnlySpan<byte> baseKey, BackupFileHeader header)
    {
        Span<byte> fileKey = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, baseKey, fileKey, header.Salt, Info);
        _aes = new AesGcm(fileKey, TagSize);
        CryptographicOperations.ZeroMemory(fileKey);
        _associatedData = header.ToBytes();
    }

    public void Encrypt(long index, bool final, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag) =>
        _aes.Encrypt(Nonce(index, final), plaintext, ciphertext, tag, _associatedData);

    /// <summary>Throws <see cref="AuthenticationTagMismatchException"/> when the chunk, its position or the header was altered.</summary>
    public void Decrypt(long index, bool final, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext) =>
        _aes.Decrypt(Nonce(index, final), ciphertext, tag, plaintext, _associatedData);

    public void Dispose() => _aes.Dispose();

    private static byte[] Nonce(long index, bool final)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt32BigEndian(nonce, final ? 1 : 0);
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }
}
