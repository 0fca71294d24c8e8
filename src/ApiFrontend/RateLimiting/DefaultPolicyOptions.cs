using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// The <c>default</c> policy of authenticated principals: per API key when the request used one, else per user.
/// Limits are per minute, by the user's tier; an API key's own <c>rate_limit_per_minute</c> replaces its
/// owner's tier limit. A token bucket holds one minute's worth, so a principal may spend its whole minute at once.
/// </summary>
public sealed class DefaultPolicyOptions
{
    /// <summary>Default <see cref="RateLimitAlgorithm.TokenBucket"/>.</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.TokenBucket;

    /// <summary>Sliding window only. Default 6.</summary>
    public int SegmentsPerWindow { get; set; } = 6;

    /// <summary>Requests per minute on the basic tier (and for a tier this build does not know). Default 100.</summary>
    public int Basic { get; set; } = 100;

    /// <summary>Requests per minute on the professional tier. Default 1,000.</summary>
    public int Professional { get; set; } = 1_000;

    /// <summary>Requests per minute on the enterprise tier. Default 10,000.</summary>
    public int Enterprise { get; set; } = 10_000;

    internal RateLimitRule ToRule(int perMinute) =>
        new(Algorithm, perMinute, RateLimitingConstants.DefaultWindow, perMinute, Algorithm == RateLimitAlgorithm.SlidingWindow ? SegmentsPerWindow : 1);
}
