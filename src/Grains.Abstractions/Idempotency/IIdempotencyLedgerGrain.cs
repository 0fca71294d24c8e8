using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>
/// The <c>idempotency_records</c> of API.md's <c>Idempotency-Key</c>: which requests ran under which
/// key and what they answered. A stateless worker (call it with key 0); PostgreSQL decides races,
/// so of two requests with the same key exactly one starts.
/// </summary>
public interface IIdempotencyLedgerGrain : IGrainWithIntegerKey
{
    Task<IdempotencyClaim> Begin(IdempotentRequest request);

    /// <summary>Stores the answer of the attempt, to be replayed until the record expires.</summary>
    Task Complete(string owner, string key, Guid attempt, IdempotentResponse response);

    /// <summary>
    /// Frees the key after an attempt that must not be replayed (a server error), so a retry runs again; the retry
    /// gets the same <see cref="IdempotencyClaim.ResourceId"/>, so it finds whatever the failed attempt created.
    /// </summary>
    Task Release(string owner, string key, Guid attempt);
}
