using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Identity;

/// <summary>Log events of the identity grains (ids 3100–3199). Key material is never logged, only key ids.</summary>
internal static partial class IdentityGrainsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Signing key {KeyId} is now active (stored encrypted: {Encrypted}).")]
    public static partial void SigningKeyActivated(ILogger logger, string keyId, bool encrypted);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Retired {Count} replaced signing key(s).")]
    public static partial void SigningKeysRetired(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "API key prefix {Prefix} collided with an existing key; generating another.")]
    public static partial void ApiKeyPrefixCollision(ILogger logger, string prefix);
}
