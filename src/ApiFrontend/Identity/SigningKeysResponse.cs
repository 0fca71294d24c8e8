namespace MindPeeker.ApiFrontend.Identity;

/// <summary>The ring after a rotation: the signing key and every key that still verifies.</summary>
internal sealed record SigningKeysResponse(string ActiveKeyId, IReadOnlyList<string> KeyIds);
