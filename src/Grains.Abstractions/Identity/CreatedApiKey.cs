namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>A new key: <see cref="Key"/> is the full secret, answered once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyView View, string Key);
