using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// Seals the values of a shared cache level (Redis) at rest: what the cache keeps there — analysis results and provider
/// answers — is Restricted data, and Redis is a separate system with its own operators, snapshots and replicas.
/// Each value is encrypted with <see cref="SecretCipher"/> (AES-256-GCM, a data key derived per value from the active
/// master key, <see cref="SecretPurpose.CacheValue"/>), and the associated data binds it to its storage key, so a value
/// copied to another key does not open. A value that does not open — altered, moved, or sealed under a master-key
/// version that is no longer configured — is a miss: the lookup recomputes and seals the value again. Keys are not
/// secret (a hash of the input) and stay as they are, so removal and expiry work unchanged. Thread-safe.
/// </summary>
internal sealed class SealedCacheLevel(CacheLevel inner, SecretCipher cipher, ILogger logger) : CacheLevel
{
    public override string Name => inner.Name;

    public override async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var envelope = await inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return null;
        }

        try
        {
            return cipher.Decrypt(SecretPurpose.CacheValue, OwnerOf(key), envelope);
        }
        catch (CryptographicException exception)
        {
            CacheLog.UnsealableEntry(logger, inner.Name, exception.Message);
            return null;
        }
    }

    public override ValueTask SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        inner.SetAsync(key, cipher.Encrypt(SecretPurpose.CacheValue, OwnerOf(key), value), timeToLive, cancellationToken);

    public override ValueTask<long?> RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        inner.RemoveAsync(keys, cancellationToken);

    /// <summary>The id the envelope is bound to: the first 16 bytes of the SHA-256 of the storage key.</summary>
    private static Guid OwnerOf(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return new Guid(hash[..16]);
    }
}
