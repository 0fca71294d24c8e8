namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>One RSA public key of the ring: modulus and exponent, big-endian, as in a JWK.</summary>
public sealed record PublicSigningKey(string KeyId, byte[] Modulus, byte[] Exponent, DateTimeOffset CreatedAt);
