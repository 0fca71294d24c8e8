using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// The RS256 key ring in <c>signing_keys</c> (call with key 0). On activation it uses the configured
/// key or, if none, the stored active key, generating and storing one on first run. Rotation makes a
/// new key active and keeps the previous ones publishing until they are old enough to retire.
/// </summary>
public interface ISigningKeyRingGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<SigningKeySet> GetKeys();

    /// <summary>Generates a new active key; the old one keeps verifying until it retires.</summary>
    Task<SigningKeySet> Rotate();
}
