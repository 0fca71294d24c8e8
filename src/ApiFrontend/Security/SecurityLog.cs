using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>Authentication and authorization log events (ids 3000–3099). Never logs tokens, keys or passwords.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Access token refused: {Reason}.")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "API key refused: {Reason}.")]
    public static partial void ApiKeyRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "API key {KeyId} used from {Address}, outside its allowlist.")]
    public static partial void ApiKeyAddressRefused(ILogger logger, Guid keyId, string address);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Refresh token reuse detected for user {UserId}; the token family is revoked.")]
    public static partial void RefreshTokenReuse(ILogger logger, Guid? userId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "User {UserId} registered (roles: {Roles}).")]
    public static partial void UserRegistered(ILogger logger, Guid userId, string roles);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Login failed.")]
    public static partial void LoginFailed(ILogger logger);
}
