namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// A filtered, paged read of <c>audit_log</c>, newest first (by <c>occurred_at</c>, then id). Every filter is optional
/// and they combine with AND.
/// </summary>
/// <param name="Limit">Page size, 1–100.</param>
/// <param name="StartingAfter">An entry id from a previous page: the page holds entries strictly older than it.</param>
/// <param name="ActorUserId">Only entries whose actor is this user.</param>
/// <param name="Action">An exact action (<c>auth.login</c>), or with <paramref name="ActionIsPrefix"/> a prefix (<c>webhook.</c>).</param>
/// <param name="ActionIsPrefix">Whether <paramref name="Action"/> is matched as a prefix rather than exactly.</param>
/// <param name="ResourceType">Only entries about this resource type (<c>api_key</c>, <c>webhook</c>).</param>
/// <param name="ResourceId">Only entries about this resource id; used together with <paramref name="ResourceType"/>.</param>
/// <param name="Since">Inclusive lower bound on <c>occurred_at</c>.</param>
/// <param name="Until">Exclusive upper bound on <c>occurred_at</c>.</param>
public sealed record AuditQuery(
    int Limit,
    long? StartingAfter = null,
    Guid? ActorUserId = null,
    string? Action = null,
    bool ActionIsPrefix = false,
    string? ResourceType = null,
    string? ResourceId = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null);
