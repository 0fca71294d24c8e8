namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// One row for <c>audit_log</c>. <see cref="Action"/> is dotted (<c>auth.login</c>, <c>api_key.created</c>,
/// see <see cref="AuditActions"/>); <see cref="Details"/> must never hold secrets.
/// </summary>
public sealed record AuditEntry(
    string Action,
    Guid? ActorUserId = null,
    Guid? ActorApiKeyId = null,
    string? ResourceType = null,
    string? ResourceId = null,
    string? Ip = null,
    IReadOnlyDictionary<string, string>? Details = null);
