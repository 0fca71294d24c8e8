namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// One of the hottest rate-limit buckets, summed over the silos. <see cref="Tier"/> is the configured tier whose
/// default-policy limit equals <see cref="Limit"/> (<c>custom</c> for an API key's own limit, <c>anonymous</c> for client
/// IPs, null for the <c>sessions-create</c> and <c>auth</c> policies); <see cref="Remaining"/> is as of the last decision.
/// </summary>
internal sealed record HotBucket(
    string Key,
    string Policy,
    string PrincipalKind,
    string PrincipalId,
    string? Tier,
    int Limit,
    double RuleWindowSeconds,
    string Algorithm,
    int Remaining,
    long Requests,
    long Rejections,
    double RejectionRate,
    long Overcount,
    DateTimeOffset LastSeenAt);
