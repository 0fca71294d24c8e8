namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>An API key without its secret: what lists and lookups show.</summary>
public sealed record ApiKeyView(
    Guid Id,
    Guid UserId,
    string Name,
    string Prefix,
    IReadOnlyList<PermissionGrant> Permissions,
    int? RateLimitPerMinute,
    IReadOnlyList<string> IpWhitelist,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
