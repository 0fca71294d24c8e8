using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// Who a request is charged to: its API key when it authenticated with one, else its user, else its client IP.
/// <see cref="Tier"/> and <see cref="KeyLimitPerMinute"/> come from the authenticated principal's claims.
/// </summary>
internal readonly record struct RequestPrincipal(string Kind, string Id, string? Tier, int? KeyLimitPerMinute)
{
    public bool IsAnonymous => Kind == RateLimitBucketKey.ClientIp;

    public static RequestPrincipal Of(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true })
        {
            var tier = user.FindFirstValue(MindPeekerClaims.Tier);
            if (user.FindFirstValue(MindPeekerClaims.ApiKeyId) is { Length: > 0 } keyId)
            {
                return new(RateLimitBucketKey.ApiKey, keyId, tier, KeyLimit(user.FindFirstValue(MindPeekerClaims.RateLimitPerMinute)));
            }

            if (user.FindFirstValue(MindPeekerClaims.Subject) is { Length: > 0 } userId)
            {
                return new(RateLimitBucketKey.User, userId, tier, null);
            }
        }

        return new(RateLimitBucketKey.ClientIp, ClientIp(context), null, null);
    }

    /// <summary>The connection's peer address as allowlists see it, the unit anonymous limits count by.</summary>
    public static string ClientIp(HttpContext context) => ClientAddress.Of(context)?.ToString() ?? "unknown";

    private static int? KeyLimit(string? claim) =>
        int.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute) && perMinute > 0
            ? Math.Min(perMinute, RateLimitRule.MaxPermits)
            : null;
}
