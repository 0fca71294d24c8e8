namespace MindPeeker.Sdk;

/// <summary>
/// Retries of answers that say "try again later": 429 (rate limited) and 503 (cluster busy). The wait is the
/// answer's <c>Retry-After</c> (seconds or an HTTP date) when it has one, else an exponential backoff from
/// <see cref="BaseDelay"/>; never longer than <see cref="MaxDelay"/> (a longer <c>Retry-After</c> is not
/// retried but thrown). Creates are retried safely because they carry an <c>Idempotency-Key</c>. Immutable.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt; 0 disables retrying.</param>
/// <param name="BaseDelay">First backoff when the answer has no <c>Retry-After</c>; doubles per retry.</param>
/// <param name="MaxDelay">The longest wait the client accepts for one retry.</param>
public sealed record RetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>3 retries, 1 s backoff base, waits up to 60 s.</summary>
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>No retries: the first 429 or 503 is thrown.</summary>
    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);
}
