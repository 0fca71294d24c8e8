namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// One silo's rate-limit traffic: the hottest buckets since <see cref="WindowStartedAt"/> (the previous full interval
/// plus the current one), totals over the same window, and the requests and rejections of the last
/// <see cref="RecentSeconds"/> complete seconds (for rates).
/// </summary>
public sealed record RateLimitTrafficSnapshot(
    DateTimeOffset WindowStartedAt,
    DateTimeOffset CollectedAt,
    long Requests,
    long Rejections,
    int RecentSeconds,
    long RecentRequests,
    long RecentRejections,
    int TrackedCapacity,
    IReadOnlyList<RateLimitBucketTraffic> Buckets);
