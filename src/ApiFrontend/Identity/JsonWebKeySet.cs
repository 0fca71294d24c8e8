namespace MindPeeker.ApiFrontend.Identity;

/// <summary>A JWK Set: <c>{keys: [...]}</c>.</summary>
internal sealed record JsonWebKeySet(IReadOnlyList<JsonWebKey> Keys);

/// <summary>One RSA public key as a JWK.</summary>
internal sealed record JsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);
