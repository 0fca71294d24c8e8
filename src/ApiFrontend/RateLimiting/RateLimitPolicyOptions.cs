using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>One fixed-limit policy: <see cref="PermitLimit"/> requests per <see cref="Window"/> with <see cref="Algorithm"/>.</summary>
public sealed class RateLimitPolicyOptions
{
    /// <summary>Default <see cref="RateLimitAlgorithm.TokenBucket"/>.</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.TokenBucket;

    /// <summary>Requests per window, 1 to 1,000,000.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>Default one minute; 1 second to 1 day.</summary>
    public TimeSpan Window { get; set; } = RateLimitingConstants.DefaultWindow;

    /// <summary>Sliding window only: how finely the window slides. Default 6 (10-second steps in a minute).</summary>
    public int SegmentsPerWindow { get; set; } = 6;

    /// <summary>Token bucket only: the most requests admitted back to back. Default (null): <see cref="PermitLimit"/>.</summary>
    public int? BurstLimit { get; set; }

    internal RateLimitRule ToRule() =>
        new(Algorithm, PermitLimit, Window, BurstLimit ?? PermitLimit, Algorithm == RateLimitAlgorithm.SlidingWindow ? SegmentsPerWindow : 1);
}
