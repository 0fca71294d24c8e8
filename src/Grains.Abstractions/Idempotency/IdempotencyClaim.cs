namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>
/// The ledger's decision: with <see cref="IdempotencyOutcome.Started"/> the <paramref name="Attempt"/>
/// that must complete or release the key; with <see cref="IdempotencyOutcome.Replay"/> the stored response.
/// </summary>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, Guid Attempt, IdempotentResponse? Response);
