using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// Password work (PBKDF2, deliberately slow), spread over stateless workers: call with key 0.
/// Answers never reveal whether an email or username exists: an unknown login costs the same
/// hashing work as a wrong password and gets the same <see langword="null"/>.
/// </summary>
public interface ICredentialsGrain : IGrainWithIntegerKey
{
    /// <summary>Hashes the password and creates the user; <see langword="null"/> when the email or username is taken.</summary>
    Task<UserProfile?> Register(Registration registration);

    /// <summary>The id of the user whose email or username is <paramref name="login"/> and whose password matches, else <see langword="null"/>.</summary>
    Task<Guid?> Verify(string login, string password);
}
