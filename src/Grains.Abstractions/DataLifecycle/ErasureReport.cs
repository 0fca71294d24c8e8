namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// What an erasure removed: counts per kind, and the ids of the API keys it revoked (so a front end can close the
/// real-time connections opened with them). <paramref name="CacheKeys"/> is the number of cache keys derived from the
/// user's sessions and removed from Redis and every silo's memory level; <paramref name="CacheNotReached"/> names the
/// cache levels that did not confirm the removal (<c>redis</c>, or a silo's address), whose entries expire on their own.
/// </summary>
public sealed record ErasureReport(
    Guid UserId,
    int Sessions,
    int Webhooks,
    int Integrations,
    IReadOnlyList<Guid> ApiKeyIds,
    int CacheKeys,
    IReadOnlyList<string> CacheNotReached);
