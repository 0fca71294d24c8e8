using System.Text.Json.Serialization;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.ApiKeys;

/// <summary>A key as the API shows it; <see cref="Key"/> (the secret) only in the answer to its creation.</summary>
internal sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<PermissionGrant> Permissions,
    int? RateLimitPerMinute,
    IReadOnlyList<string> IpWhitelist,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public static ApiKeyResponse From(ApiKeyView key, string? secret = null) =>
        new(key.Id, key.Name, key.Prefix, key.Permissions, key.RateLimitPerMinute, key.IpWhitelist, key.CreatedAt, key.ExpiresAt, secret);
}
