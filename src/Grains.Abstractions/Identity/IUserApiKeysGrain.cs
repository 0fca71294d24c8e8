using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>One user's API keys (keyed by the user's id): create, list, find and revoke. Another user's key is never found.</summary>
public interface IUserApiKeysGrain : IGrainWithGuidKey
{
    Task<CreatedApiKey> Create(ApiKeyRequest request);

    /// <summary>Live keys, newest first, after the key <paramref name="startingAfter"/> when given.</summary>
    Task<ApiKeyPage> List(int limit, Guid? startingAfter);

    Task<ApiKeyView?> Find(Guid keyId);

    /// <summary><see langword="false"/> when the user has no such live key.</summary>
    Task<bool> Revoke(Guid keyId);
}
