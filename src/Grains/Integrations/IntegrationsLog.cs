using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Integrations;

/// <summary>Integration log messages (event ids 6150–6199). None carries a credential.</summary>
internal static partial class IntegrationsLog
{
    [LoggerMessage(EventId = 6151, Level = LogLevel.Information, Message = "Integration {IntegrationId}: {Operation} {Outcome} in {LatencyMs} ms (HTTP {StatusCode}).")]
    public static partial void OutboundCall(ILogger logger, Guid integrationId, string operation, string outcome, double latencyMs, int? statusCode);

    [LoggerMessage(EventId = 6152, Level = LogLevel.Warning, Message = "Integration {IntegrationId}: {Operation} refused by its rate limit; retry in {RetryAfterSeconds} s.")]
    public static partial void RateLimited(ILogger logger, Guid integrationId, string operation, int retryAfterSeconds);

    [LoggerMessage(EventId = 6153, Level = LogLevel.Information, Message = "Credential rotation: re-encrypted the credentials of {Count} integrations under key version {Version}.")]
    public static partial void CredentialsRotated(ILogger logger, int count, int version);

    [LoggerMessage(EventId = 6154, Level = LogLevel.Error, Message = "Credential rotation: integration {IntegrationId} could not be re-encrypted.")]
    public static partial void CredentialRotationFailed(ILogger logger, Exception exception, Guid integrationId);

    [LoggerMessage(EventId = 6155, Level = LogLevel.Warning, Message = "Integration {IntegrationId}: the sync reminder could not be removed.")]
    public static partial void SyncReminderRemovalFailed(ILogger logger, Exception exception, Guid integrationId);

    [LoggerMessage(EventId = 6156, Level = LogLevel.Error, Message = "Integration {IntegrationId}: its stored credentials cannot be decrypted ({Reason}).")]
    public static partial void CredentialsUnreadable(ILogger logger, Guid integrationId, string reason);

    [LoggerMessage(EventId = 6157, Level = LogLevel.Warning, Message = "Integration {IntegrationId}: the log entry could not be written.")]
    public static partial void LogEntryFailed(ILogger logger, Exception exception, Guid integrationId);
}
