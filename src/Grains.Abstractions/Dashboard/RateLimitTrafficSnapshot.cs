namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// One silo's answer to the silo control request <c>dashboard.rate_limits</c> (snake_case JSON): the hottest buckets
/// since <see cref="WindowStartedAt"/> (the previous full interval plus the current one), totals over the same window,
/// and the requests and rejections of the last <see cref="RecentSeconds"/> complete seconds (for rates).
/// <see cref="TrackedCapacity"/> is how many buckets the silo tracks at most.
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
