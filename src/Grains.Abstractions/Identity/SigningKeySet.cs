namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// The access-token key ring as the front end needs it: the private key that signs new tokens
/// (PKCS#8, in memory only) and the public keys, the active one included, that still verify.
/// </summary>
public sealed record SigningKeySet(string ActiveKeyId, byte[] ActivePrivateKey, IReadOnlyList<PublicSigningKey> PublicKeys);
