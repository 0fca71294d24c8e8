namespace MindPeeker.Grains.Identity;

/// <summary>One stored key; <see cref="PrivateKey"/> is PKCS#8, encrypted when <see cref="Encrypted"/>.</summary>
internal sealed record SigningKeyRow(string Kid, byte[] PrivateKey, bool Encrypted, string Status, DateTimeOffset CreatedAt);
