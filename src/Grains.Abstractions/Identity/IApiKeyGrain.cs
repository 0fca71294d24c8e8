using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// One API key, keyed by its public prefix (<see cref="ApiKeyFormat"/>): the O(1) lookup on every
/// request. It caches the key after the first read; revocation goes through this grain, so the one
/// activation per process stops accepting the key at once.
/// </summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>The key when <paramref name="secretHash"/> matches (constant-time) and it is not revoked; expiry is the caller's to check.</summary>
    [ReadOnly]
    Task<ApiKeyView?> Authenticate(byte[] secretHash);

    /// <summary>Inserts the key; <see langword="false"/> when the prefix is already taken.</summary>
    Task<bool> Store(StoredApiKey key);

    /// <summary>Revokes the key when <paramref name="userId"/> owns it; <see langword="false"/> otherwise.</summary>
    Task<bool> Revoke(Guid userId);
}
