namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>
/// The ledger's decision: with <see cref="IdempotencyOutcome.Started"/> the <paramref name="Attempt"/>
/// that must complete or release the key, and the <paramref name="ResourceId"/> the request creates (the same
/// for every attempt of the same request under this key, so a retry after a failed attempt creates nothing new);
/// with <see cref="IdempotencyOutcome.Replay"/> the stored response; with <see cref="IdempotencyOutcome.InProgress"/>
/// how long the running attempt still holds the key (<paramref name="RetryAfter"/>).
/// </summary>
public sealed record IdempotencyClaim(
    IdempotencyOutcome Outcome,
    Guid Attempt,
    IdempotentResponse? Response,
    Guid ResourceId = default,
    TimeSpan RetryAfter = default);
