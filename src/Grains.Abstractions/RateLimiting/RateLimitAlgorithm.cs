using System.Text.Json.Serialization;

namespace MindPeeker.Grains.Abstractions.RateLimiting;

/// <summary>How a rate-limit bucket counts requests against its quota.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RateLimitAlgorithm>))]
public enum RateLimitAlgorithm
{
    /// <summary>
    /// Starts full at <see cref="RateLimitRule.BurstLimit"/> tokens and refills continuously at
    /// <see cref="RateLimitRule.PermitLimit"/> tokens per <see cref="RateLimitRule.Window"/>; a request takes one token.
    /// </summary>
    TokenBucket,

    /// <summary>
    /// At most <see cref="RateLimitRule.PermitLimit"/> requests in the last <see cref="RateLimitRule.Window"/>, counted
    /// in <see cref="RateLimitRule.SegmentsPerWindow"/> segments; a segment's requests stop counting one window after it began.
    /// </summary>
    SlidingWindow,

    /// <summary>
    /// At most <see cref="RateLimitRule.PermitLimit"/> requests per window; a window begins with the first request
    /// after the previous one ended.
    /// </summary>
    FixedWindow,
}
