namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Claim types on an authenticated request's principal, whether it came from a JWT or an API key.
/// The JWT claims are named as in API.md; the <c>mp_</c> ones exist only inside the process.
/// </summary>
public static class MindPeekerClaims
{
    /// <summary>The user's id (a UUID).</summary>
    public const string Subject = "sub";

    /// <summary><c>basic</c>, <c>professional</c> or <c>enterprise</c>.</summary>
    public const string Tier = "tier";

    /// <summary>One claim per permission, <c>{resource}:{action}</c>, patterns allowed (<c>sessions:*</c>, <c>*:*</c>).</summary>
    public const string Permission = "permissions";

    /// <summary>One claim per role (<c>user</c>, <c>admin</c>).</summary>
    public const string Role = "role";

    /// <summary>The API key's id, when the request authenticated with a key.</summary>
    public const string ApiKeyId = "mp_key_id";

    /// <summary>The key's own <c>rate_limit_per_minute</c>, when it has one.</summary>
    public const string RateLimitPerMinute = "mp_rate_limit";

    /// <summary>An API key's permission that carries conditions, as JSON <c>{resource, actions, conditions}</c>.</summary>
    public const string ConditionalPermission = "mp_permission";
}
