namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// The rate-limits page (<c>GET /v1/admin/dashboard/rate-limits</c>, hub message <c>dashboard_rate_limits</c>): the
/// hottest buckets since <see cref="WindowStartedAt"/> (previous full interval plus the current one) and the cluster's
/// request and rejection rates over the last 10 complete seconds.
/// </summary>
internal sealed record DashboardRateLimits(
    DateTimeOffset CollectedAt,
    DateTimeOffset WindowStartedAt,
    double WindowSeconds,
    long Requests,
    long Rejections,
    double RequestsPerSecond,
    double RejectionsPerSecond,
    IReadOnlyList<HotBucket> Buckets,
    IReadOnlyList<SiloAnswerStatus> Silos);
