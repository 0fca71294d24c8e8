namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// One stored <c>audit_log</c> row as the query returns it. <see cref="OccurredAt"/> is UTC (the writing silo's clock);
/// <see cref="Details"/> has secret-looking values redacted.
/// </summary>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    Guid? ActorApiKeyId,
    string Action,
    string? ResourceType,
    string? ResourceId,
    string? Ip,
    IReadOnlyDictionary<string, string> Details);
