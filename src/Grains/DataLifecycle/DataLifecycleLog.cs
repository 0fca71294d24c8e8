using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Source-generated log messages of backups and GDPR operations (EventIds 9200–9299). Never holds keys or personal data.</summary>
internal static partial class DataLifecycleLog
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Information, Message = "Backup {BackupId} created: {TableCount} tables, {SizeBytes} bytes in {ElapsedMs} ms.")]
    public static partial void BackupCreated(ILogger logger, string backupId, int tableCount, long sizeBytes, double elapsedMs);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Backup {BackupId} deleted by retention.")]
    public static partial void BackupRetired(ILogger logger, string backupId);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Backup {BackupId} restored: {TableCount} tables in {ElapsedMs} ms. Restart the silos so no activation serves state cached before the restore.")]
    public static partial void BackupRestored(ILogger logger, string backupId, int tableCount, double elapsedMs);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Backup {BackupId} refused: {Reason}")]
    public static partial void BackupRejected(ILogger logger, string backupId, string reason);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Error, Message = "The scheduled backup failed.")]
    public static partial void ScheduledBackupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Information, Message = "Scheduled backups every {Interval}.")]
    public static partial void ScheduleStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "User {UserId} exported their data (requested by {ActorUserId}).")]
    public static partial void UserExported(ILogger logger, Guid userId, Guid actorUserId);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Warning, Message = "User {UserId} erased (requested by {ActorUserId}): {SessionCount} sessions, {ApiKeyCount} API keys, {WebhookCount} webhooks, {IntegrationCount} integrations.")]
    public static partial void UserErased(ILogger logger, Guid userId, Guid actorUserId, int sessionCount, int apiKeyCount, int webhookCount, int integrationCount);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Warning, Message = "Stopping {GrainKind} {ResourceId} of erased user {UserId} failed; its rows are deleted anyway.")]
    public static partial void ErasureStopFailed(ILogger logger, Exception exception, string grainKind, string resourceId, Guid userId);

    [LoggerMessage(EventId = 9213, Level = LogLevel.Information, Message = "Erasure of user {UserId} removed its {KeyCount} cached analysis keys: {RedisRemoved} entries from Redis, {MemoryRemoved} from the memory levels of {SiloCount} silos.")]
    public static partial void CachedResultsRemoved(ILogger logger, Guid userId, int keyCount, long redisRemoved, long memoryRemoved, int siloCount);

    [LoggerMessage(EventId = 9214, Level = LogLevel.Warning, Message = "Erasure of user {UserId}: silo {Silo} ({SiloName}) did not remove the user's cached analysis results from its memory level ({Error}); they expire after Cache:ResultTtl.")]
    public static partial void CacheSiloNotReached(ILogger logger, Guid userId, string silo, string siloName, string error);

    [LoggerMessage(EventId = 9215, Level = LogLevel.Warning, Message = "Erasure of user {UserId}: the Redis cache level could not delete the user's {KeyCount} cached analysis keys; they expire after Cache:ResultTtl.")]
    public static partial void CacheRedisNotReached(ILogger logger, Guid userId, int keyCount);
}
