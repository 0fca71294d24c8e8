namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// What an erasure removed: counts per kind, and the ids of the API keys it revoked (so a front end can close the
/// real-time connections opened with them).
/// </summary>
public sealed record ErasureReport(Guid UserId, int Sessions, int Webhooks, int Integrations, IReadOnlyList<Guid> ApiKeyIds);
