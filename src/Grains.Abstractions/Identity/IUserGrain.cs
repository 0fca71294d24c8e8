using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// Owns one user's row in <c>users</c> (profile, roles and tier), keyed by the user's id. Reads are
/// served from memory after activation; every change is written to the table before it is answered.
/// </summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The profile, or <see langword="null"/> when no such user exists.</summary>
    [ReadOnly]
    Task<UserProfile?> GetProfile();

    /// <summary>Inserts the user; <see langword="null"/> when the email or username is taken (case-insensitively).</summary>
    Task<UserProfile?> Create(NewUser user);

    /// <summary>Moves the user to another tier (<see cref="UserTiers"/>); <see langword="null"/> when no such user exists.</summary>
    Task<UserProfile?> SetTier(string tier);

    /// <summary>
    /// Forgets the cached profile after the user's row was deleted (GDPR erasure, <c>IUserDataGrain</c>): from now on
    /// <see cref="GetProfile"/> answers <see langword="null"/> and the activation deactivates when idle.
    /// </summary>
    Task Forget();
}
