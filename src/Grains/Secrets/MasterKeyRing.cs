using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// The configured master keys of every secret at rest (integration credentials, webhook signing secrets) by version,
/// and the active version (<see cref="MasterKeyOptions"/>, validated).
/// A silo singleton; immutable after construction and thread-safe. Disposing wipes the key bytes.
/// </summary>
internal sealed class MasterKeyRing : IDisposable
{
    private readonly Dictionary<int, byte[]> _keys;

    public MasterKeyRing(IOptions<MasterKeyOptions> options)
        : this(ReadKeys(options.Value), options.Value.ActiveVersion)
    {
    }

    /// <summary>A ring over <paramref name="keys"/> (copied); <paramref name="activeVersion"/> defaults to the highest version.</summary>
    public MasterKeyRing(IReadOnlyDictionary<int, byte[]> keys, int? activeVersion = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0 || keys.Values.Any(k => k.Length != SecretCipher.KeySize))
        {
            throw new ArgumentException($"At least one master key of {SecretCipher.KeySize} bytes is required.", nameof(keys));
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray());
        ActiveVersion = activeVersion ?? _keys.Keys.Max();
        if (!_keys.ContainsKey(ActiveVersion))
        {
            throw new ArgumentException($"The active version {ActiveVersion} has no key.", nameof(activeVersion));
        }
    }

    /// <summary>The version new encryptions use.</summary>
    public int ActiveVersion { get; }

    /// <summary>
    /// The master key of <paramref name="version"/>; throws <see cref="CryptographicException"/> naming
    /// <paramref name="purpose"/> (what is being opened) when that version is not configured.
    /// </summary>
    public ReadOnlySpan<byte> Key(int version, SecretPurpose purpose) =>
        _keys.TryGetValue(version, out var key)
            ? key
            : throw new CryptographicException($"The stored {purpose} cannot be decrypted: master-key version {version} is not configured.");

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static Dictionary<int, byte[]> ReadKeys(MasterKeyOptions options) =>
        options.MasterKeys.ToDictionary(k => int.Parse(k.Key, NumberStyles.None, CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value.Trim()));
}
