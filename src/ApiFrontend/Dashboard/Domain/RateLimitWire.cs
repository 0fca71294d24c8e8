namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>One silo's answer to <c>dashboard.rate_limits</c> (see the silo's <c>RateLimitTrafficSnapshot</c>).</summary>
internal sealed record RateLimitTrafficAnswer(
    DateTimeOffset WindowStartedAt,
    DateTimeOffset CollectedAt,
    long Requests,
    long Rejections,
    int RecentSeconds,
    long RecentRequests,
    long RecentRejections,
    int TrackedCapacity,
    IReadOnlyList<RateLimitBucketAnswer> Buckets);

/// <summary>One bucket of a <see cref="RateLimitTrafficAnswer"/>.</summary>
internal sealed record RateLimitBucketAnswer(
    string Key,
    string Policy,
    string PrincipalKind,
    string PrincipalId,
    long Requests,
    long Rejections,
    long Overcount,
    int Limit,
    int Remaining,
    double WindowSeconds,
    string Algorithm,
    DateTimeOffset LastSeenAt);
