using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// One login's chain of refresh tokens, keyed by the family id that every token of the chain
/// carries (<see cref="RefreshTokenFormat"/>). Calls are serialized per family, and the table
/// update is guarded too, so of two racing uses of one token exactly one rotates.
/// </summary>
public interface IRefreshTokenFamilyGrain : IGrainWithGuidKey
{
    /// <summary>Starts the family for <paramref name="userId"/> and returns its first token.</summary>
    Task<string> Start(Guid userId, TimeSpan lifetime);

    /// <summary>Spends <paramref name="token"/> and issues the next one; a second use revokes the family.</summary>
    Task<RefreshOutcome> Rotate(string token, TimeSpan lifetime);

    /// <summary>Revokes the family when <paramref name="token"/> belongs to it; <see langword="false"/> otherwise.</summary>
    Task<bool> Revoke(string token);
}
