namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// One bucket's traffic as a silo reports it in a <see cref="RateLimitTrafficSnapshot"/>: the grain key split into
/// policy, principal kind (<c>key</c>, <c>user</c>, <c>ip</c>) and principal id; requests and rejections in the reported
/// window (requests may overestimate by at most <see cref="Overcount"/>); the rule's limit per
/// <see cref="WindowSeconds"/> and algorithm, and the remaining permits at its last decision (<see cref="LastSeenAt"/>).
/// </summary>
public sealed record RateLimitBucketTraffic(
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
