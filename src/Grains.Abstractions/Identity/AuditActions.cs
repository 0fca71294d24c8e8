namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>The audit actions written so far; other features add theirs in the same <c>area.verb</c> form.</summary>
public static class AuditActions
{
    public const string Register = "auth.register";

    public const string Login = "auth.login";

    public const string LoginFailed = "auth.login_failed";

    public const string Logout = "auth.logout";

    public const string RefreshReuseDetected = "auth.refresh_reuse_detected";

    public const string ApiKeyCreated = "api_key.created";

    public const string ApiKeyRevoked = "api_key.revoked";

    public const string SigningKeyRotated = "signing_key.rotated";
}
