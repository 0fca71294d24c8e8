namespace MindPeeker.Grains.Abstractions.RateLimiting;

/// <summary>
/// A bucket's answer to one request. <see cref="Limit"/> is the rule's permit limit per window,
/// <see cref="Remaining"/> the requests it would still admit now, <see cref="ResetAt"/> when it is back
/// to its full quota if nothing more arrives, and <see cref="RetryAfter"/> how long a rejected caller
/// must wait before a request can be admitted (zero when <see cref="Admitted"/>).
/// </summary>
public sealed record RateLimitDecision(bool Admitted, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan RetryAfter);
