using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Secrets;

/// <summary>Log messages about secrets at rest (event ids 6030–6039). None carries a secret or key material.</summary>
internal static partial class SecretsLog
{
    [LoggerMessage(EventId = 6030, Level = LogLevel.Warning,
        Message = "DEVELOPMENT MASTER KEY IN USE: integration credentials and webhook signing secrets are encrypted with a key generated into {Path}. "
            + "Anyone who can read that file can decrypt them. Configure Integrations:Credentials:MasterKeys outside local development.")]
    public static partial void DevelopmentMasterKeyInUse(ILogger logger, string path);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Information, Message = "Key rotation: re-encrypted the signing secrets of {Count} webhook endpoints under key version {Version}.")]
    public static partial void WebhookSecretsRotated(ILogger logger, int count, int version);

    [LoggerMessage(EventId = 6032, Level = LogLevel.Error, Message = "Key rotation: the signing secret of webhook endpoint {EndpointId} could not be re-encrypted ({Reason}); it stays as it is.")]
    public static partial void WebhookSecretRotationFailed(ILogger logger, string reason, Guid endpointId);

    [LoggerMessage(EventId = 6033, Level = LogLevel.Error, Message = "Webhook endpoint {EndpointId}: its stored signing secret cannot be decrypted ({Reason}); nothing is sent.")]
    public static partial void WebhookSecretUnreadable(ILogger logger, Guid endpointId, string reason);
}
