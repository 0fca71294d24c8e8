using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>One load of the key ring: the signer and the verification keys by key id. Immutable.</summary>
internal sealed class SigningKeySnapshot
{
    public SigningKeySnapshot(SigningCredentials signing, IReadOnlyList<PublicSigningKey> publicKeys, DateTimeOffset loadedAt)
    {
        Signing = signing;
        PublicKeys = publicKeys;
        LoadedAt = loadedAt;
        VerificationKeys = [.. publicKeys.Select(ToSecurityKey)];
    }

    public SigningCredentials Signing { get; }

    public IReadOnlyList<PublicSigningKey> PublicKeys { get; }

    public IReadOnlyList<SecurityKey> VerificationKeys { get; }

    public DateTimeOffset LoadedAt { get; }

    public bool Contains(string keyId) => PublicKeys.Any(k => k.KeyId == keyId);

    private static RsaSecurityKey ToSecurityKey(PublicSigningKey key) =>
        new(new RSAParameters { Modulus = key.Modulus, Exponent = key.Exponent }) { KeyId = key.KeyId };
}
