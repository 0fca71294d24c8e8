namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>What <see cref="IApiKeyGrain.Store"/> writes: the secret only as its SHA-256.</summary>
public sealed record StoredApiKey(ApiKeyView View, byte[] SecretHash);
