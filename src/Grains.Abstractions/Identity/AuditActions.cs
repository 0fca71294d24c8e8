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

    public const string IntegrationCreated = "integration.created";

    public const string IntegrationUpdated = "integration.updated";

    public const string IntegrationDeleted = "integration.deleted";

    public const string IntegrationConnected = "integration.connected";

    public const string IntegrationDisconnected = "integration.disconnected";

    /// <summary>An integration's stored credentials were re-encrypted under the active master-key version.</summary>
    public const string IntegrationCredentialsRotated = "integration.credentials_rotated";

    public const string WebhookCreated = "webhook.created";

    public const string WebhookUpdated = "webhook.updated";

    public const string WebhookDeleted = "webhook.deleted";

    /// <summary>An endpoint was disabled by the platform: it answered 410 Gone, or failed continuously for 5 days.</summary>
    public const string WebhookDisabled = "webhook.disabled";

    /// <summary>An endpoint's stored signing secret was re-encrypted under the active master-key version (or sealed from an older plaintext row); the secret itself is unchanged.</summary>
    public const string WebhookSecretReencrypted = "webhook.secret_reencrypted";

    /// <summary>A circuit breaker opened (failure ratio reached, or a half-open trial failed); resource id = dependency.</summary>
    public const string CircuitBreakerOpened = "circuit_breaker.opened";

    /// <summary>An open breaker let its trial call through.</summary>
    public const string CircuitBreakerHalfOpened = "circuit_breaker.half_opened";

    /// <summary>A half-open breaker closed after its successful trials.</summary>
    public const string CircuitBreakerClosed = "circuit_breaker.closed";

    /// <summary>An administrator held a breaker open.</summary>
    public const string CircuitBreakerIsolated = "circuit_breaker.isolated";

    /// <summary>An administrator closed a breaker (ending an isolation or an open state).</summary>
    public const string CircuitBreakerReset = "circuit_breaker.reset";
    /// <summary>A user's data was exported (GDPR); resource id = the user.</summary>
    public const string UserExported = "user.exported";
    /// <summary>A user was erased (GDPR); the tombstone keeps only the user's id.</summary>
    public const string UserErased = "user.erased";
    /// <summary>An administrator (or the schedule) took a database backup; resource id = the backup id.</summary>
    public const string BackupCreated = "backup.created";
    /// <summary>An administrator restored a database backup; resource id = the backup id.</summary>
    public const string BackupRestored = "backup.restored";
    /// <summary>An administrator deleted a database backup; resource id = the backup id.</summary>
    public const string BackupDeleted = "backup.deleted";
}
