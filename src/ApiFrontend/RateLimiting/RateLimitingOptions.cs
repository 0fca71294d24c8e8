using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// Rate limits of the /v1 API, bound from <c>RateLimiting</c> and validated at start-up. Every request under
/// <c>/v1</c> is charged to its principal's <see cref="Default"/> policy (an API key, else a user, else the client
/// IP under <see cref="Anonymous"/>) and, for the heavy endpoint classes, to a tighter policy as well.
/// Changes to the bound configuration apply from the next request, keeping what each bucket has used.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>When false nothing is limited and no rate-limit headers are sent. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Authenticated principals, per API key or user: token bucket, 100 / 1,000 / 10,000 per minute by tier.</summary>
    public DefaultPolicyOptions Default { get; set; } = new();

    /// <summary>Anonymous requests, per client IP: sliding window, 100 per minute in 6 segments.</summary>
    public RateLimitPolicyOptions Anonymous { get; set; } = new()
    {
        Algorithm = RateLimitAlgorithm.SlidingWindow,
        PermitLimit = 100,
    };

    /// <summary><c>POST /v1/sessions</c>, per API key or user, besides the default policy: token bucket, 50 per minute.</summary>
    public RateLimitPolicyOptions SessionCreation { get; set; } = new()
    {
        Algorithm = RateLimitAlgorithm.TokenBucket,
        PermitLimit = 50,
    };

    /// <summary>
    /// <c>POST /v1/auth/login</c>, <c>/register</c> and <c>/refresh</c>, per client IP whoever the caller claims to be,
    /// besides the default policy: sliding window, 10 per minute in 6 segments.
    /// </summary>
    public RateLimitPolicyOptions AuthAttempts { get; set; } = new()
    {
        Algorithm = RateLimitAlgorithm.SlidingWindow,
        PermitLimit = 10,
    };
}
