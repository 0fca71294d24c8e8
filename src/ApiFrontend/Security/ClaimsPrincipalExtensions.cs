using System.Globalization;
using System.Security.Claims;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>Reads MindPeeker's claims (<see cref="MindPeekerClaims"/>) off an authenticated principal.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The user's id; throws when the principal is not authenticated by MindPeeker.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(MindPeekerClaims.Subject)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The request is not authenticated: it has no user id.");
    }

    public static bool IsAdmin(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(MindPeekerClaims.Role, UserRoles.Admin);
    }

    /// <summary>The user's tier; <c>basic</c> when the claim is missing.</summary>
    public static string GetTier(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(MindPeekerClaims.Tier)?.Value ?? UserTiers.Basic;
    }

    /// <summary>The API key's id when the request came with one, else <see langword="null"/>.</summary>
    public static Guid? GetApiKeyId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(MindPeekerClaims.ApiKeyId)?.Value, out var id) ? id : null;
    }

    /// <summary>The API key's own per-minute limit, when the request came with a key that has one.</summary>
    public static int? GetApiKeyRateLimit(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return int.TryParse(principal.FindFirst(MindPeekerClaims.RateLimitPerMinute)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : null;
    }
}
