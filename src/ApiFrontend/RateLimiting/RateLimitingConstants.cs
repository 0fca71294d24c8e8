using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>Policy names (as the <c>RateLimit</c> headers show them), header names and fixed numbers.</summary>
internal static class RateLimitingConstants
{
    /// <summary>The policy every limited request is charged to.</summary>
    public const string DefaultPolicy = "default";

    public const string SessionCreationPolicy = "sessions-create";

    public const string AuthAttemptsPolicy = "auth";

    public const string PolicyHeader = "RateLimit-Policy";

    public const string RateLimitHeader = "RateLimit";

    public const string LegacyLimitHeader = "X-RateLimit-Limit";

    public const string LegacyRemainingHeader = "X-RateLimit-Remaining";

    public const string LegacyResetHeader = "X-RateLimit-Reset";

    /// <summary>Only requests under this path are limited: health, metrics, JWKS and OpenAPI are not.</summary>
    public static readonly PathString LimitedPathPrefix = new("/v1");

    /// <summary>Tier and API-key limits are per minute.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);
}
