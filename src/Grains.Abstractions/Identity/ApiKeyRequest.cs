namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>A validated request for a new key (permissions already checked against the owner's).</summary>
public sealed record ApiKeyRequest(
    string Name,
    IReadOnlyList<PermissionGrant> Permissions,
    int? RateLimitPerMinute,
    IReadOnlyList<string> IpWhitelist,
    DateTimeOffset? ExpiresAt);
