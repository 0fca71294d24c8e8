namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>What <see cref="IIdempotencyLedgerGrain.Begin"/> decided about a request.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First use of the key (or its earlier record lapsed): run the request, then complete or release it.</summary>
    Started,

    /// <summary>The same request already completed: answer with its stored response.</summary>
    Replay,

    /// <summary>The key was used for a different request (another body, method or path).</summary>
    Mismatch,

    /// <summary>The same request is still running.</summary>
    InProgress,
}
