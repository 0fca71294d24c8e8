using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// Encrypts secrets at rest (integration credentials, webhook signing secrets, the cache's values in Redis) with AES-256-GCM. Each encryption draws a
/// random 128-bit salt and a random 96-bit nonce; its data key is HKDF-SHA256(master key of the active version, salt,
/// info of the <see cref="SecretPurpose"/>), so no two encryptions share a key and no purpose opens another's envelopes.
/// The additional authenticated data binds the envelope header (format and key version) and the id of the resource the
/// secret belongs to (integration, webhook endpoint), so a ciphertext moved to another resource, or relabelled with
/// another version, fails to decrypt. Envelope: <c>format (1 byte = 1) | key version (int32, big endian) | salt (16) | nonce (12) | tag (16) | ciphertext</c>.
/// Derived keys are wiped after use. Thread-safe.
/// </summary>
internal sealed class SecretCipher(MasterKeyRing keys)
{
    public const int KeySize = 32;
    public const int SaltSize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const byte Format = 1;

    private const int HeaderSize = 1 + sizeof(int);
    private const int OverheadSize = HeaderSize + SaltSize + NonceSize + TagSize;

    /// <summary>The version new encryptions use.</summary>
    public int ActiveVersion => keys.ActiveVersion;

    /// <summary>Encrypts <paramref name="plaintext"/> of <paramref name="purpose"/> for the resource <paramref name="ownerId"/> under the active key version.</summary>
    public byte[] Encrypt(SecretPurpose purpose, Guid ownerId, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new byte[OverheadSize + plaintext.Length];
        var version = keys.ActiveVersion;
        envelope[0] = Format;
        BinaryPrimitives.WriteInt32BigEndian(envelope.AsSpan(1, sizeof(int)), version);
        var salt = envelope.AsSpan(HeaderSize, SaltSize);
        var nonce = envelope.AsSpan(HeaderSize + SaltSize, NonceSize);
        var tag = envelope.AsSpan(HeaderSize + SaltSize + NonceSize, TagSize);
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(nonce);

        Span<byte> dataKey = stackalloc byte[KeySize];
        Span<byte> aad = stackalloc byte[HeaderSize + 16];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Key(version, purpose), dataKey, salt, purpose.Info);
            WriteAssociatedData(envelope, ownerId, aad);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, plaintext, envelope.AsSpan(OverheadSize), tag, aad);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return envelope;
    }

    /// <summary>
    /// Decrypts an envelope of <paramref name="purpose"/> sealed for the resource <paramref name="ownerId"/> into a new
    /// buffer the caller must wipe (<see cref="CryptographicOperations.ZeroMemory"/>). Throws
    /// <see cref="CryptographicException"/> (an <see cref="AuthenticationTagMismatchException"/> for tampering) when the
    /// envelope is malformed, altered, belongs to another resource or purpose, or names a key version that is not configured.
    /// </summary>
    public byte[] Decrypt(SecretPurpose purpose, Guid ownerId, ReadOnlySpan<byte> envelope)
    {
        var version = KeyVersionOf(envelope, purpose);
        var plaintext = new byte[envelope.Length - OverheadSize];
        Span<byte> dataKey = stackalloc byte[KeySize];
        Span<byte> aad = stackalloc byte[HeaderSize + 16];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Key(version, purpose), dataKey, envelope.Slice(HeaderSize, SaltSize), purpose.Info);
            WriteAssociatedData(envelope, ownerId, aad);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(
                envelope.Slice(HeaderSize + SaltSize, NonceSize),
                envelope[OverheadSize..],
                envelope.Slice(HeaderSize + SaltSize + NonceSize, TagSize),
                plaintext,
                aad);
            return plaintext;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Re-encrypts <paramref name="envelope"/> of <paramref name="purpose"/> for <paramref name="ownerId"/> under the
    /// active version (a fresh salt and nonce); the plaintext never leaves a wiped buffer. Throws like <see cref="Decrypt"/>.
    /// </summary>
    public byte[] Reseal(SecretPurpose purpose, Guid ownerId, ReadOnlySpan<byte> envelope)
    {
        var plaintext = Decrypt(purpose, ownerId, envelope);
        try
        {
            return Encrypt(purpose, ownerId, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// The master-key version an envelope was encrypted under; throws <see cref="CryptographicException"/> naming
    /// <paramref name="purpose"/> when malformed.
    /// </summary>
    public static int KeyVersionOf(ReadOnlySpan<byte> envelope, SecretPurpose purpose) =>
        envelope.Length >= OverheadSize && envelope[0] == Format
            ? BinaryPrimitives.ReadInt32BigEndian(envelope.Slice(1, sizeof(int)))
            : throw new CryptographicException($"The stored {purpose} cannot be decrypted: it is not a sealed envelope of a known format.");

    private static void WriteAssociatedData(ReadOnlySpan<byte> envelope, Guid ownerId, Span<byte> aad)
    {
        envelope[..HeaderSize].CopyTo(aad);
        ownerId.TryWriteBytes(aad[HeaderSize..], bigEndian: true, out _);
    }
}
