using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.RateLimiting.Controller;

/// <summary>
/// The state machine of one rate-limit algorithm, on an injected <see cref="TimeProvider"/> (so tests move
/// time by hand). Times are UTC ticks. Not thread-safe: its owner (a non-reentrant grain) calls it one
/// call at a time, which is what makes the decisions exact.
/// </summary>
internal abstract class RateLimitBucket(RateLimitRule rule, TimeProvider time)
{
    /// <summary>The rule being enforced.</summary>
    public RateLimitRule Rule { get; private set; } = rule;

    /// <summary>Permits counted against the quota right now (what a new rule starts from).</summary>
    public abstract int Used { get; }

    protected abstract int Remaining { get; }

    protected abstract bool CanTake { get; }

    protected long Now => time.GetUtcNow().UtcTicks;

    /// <summary>A bucket for <paramref name="rule"/> that starts with <paramref name="used"/> permits already counted.</summary>
    public static RateLimitBucket Create(RateLimitRule rule, TimeProvider time, int used = 0)
    {
        if (rule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        return rule.Algorithm switch
        {
            RateLimitAlgorithm.TokenBucket => new TokenBucket(rule, time, used),
            RateLimitAlgorithm.SlidingWindow => new SlidingWindow(rule, time, used),
            _ => new FixedWindow(rule, time, used),
        };
    }

    /// <summary>Takes one permit if the rule allows it.</summary>
    public RateLimitDecision Acquire() => Decide(take: true);

    /// <summary>The bucket's state; <see cref="RateLimitDecision.Admitted"/> tells whether a request would be admitted. Takes nothing.</summary>
    public RateLimitDecision Peek() => Decide(take: false);

    /// <summary>Enforces <paramref name="next"/> (same algorithm) from now on, keeping what was used.</summary>
    public void Reconfigure(RateLimitRule next)
    {
        if (next.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(next));
        }

        if (next.Algorithm != Rule.Algorithm)
        {
            throw new ArgumentException($"A {Rule.Algorithm} bucket cannot become a {next.Algorithm} bucket in place.", nameof(next));
        }

        Advance(Now);
        Apply(Rule, next);
        Rule = next;
    }

    /// <summary>Brings the state up to <paramref name="now"/>: refills, expires segments, rolls windows.</summary>
    protected abstract void Advance(long now);

    protected abstract void Take();

    /// <summary>When the bucket is back to its full quota if nothing more arrives (<paramref name="now"/> when it is).</summary>
    protected abstract long ResetAt(long now);

    /// <summary>When a request can next be admitted; only asked while <see cref="CanTake"/> is false.</summary>
    protected abstract long RetryAt(long now);

    /// <summary>
    /// Converts the state from enforcing <paramref name="previous"/> to enforcing <paramref name="next"/>;
    /// <see cref="Rule"/> becomes <paramref name="next"/> right after. By default there is nothing to convert.
    /// </summary>
    protected virtual void Apply(RateLimitRule previous, RateLimitRule next)
    {
    }

    /// <summary>⌈<paramref name="numerator"/> / <paramref name="denominator"/>⌉ for a non-negative numerator.</summary>
    protected static long CeilingDivide(long numerator, long denominator) => (numerator + denominator - 1) / denominator;

    private RateLimitDecision Decide(bool take)
    {
        var now = Now;
        Advance(now);
        var admitted = CanTake;
        if (admitted && take)
        {
            Take();
        }

        var retryAfter = admitted ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, RetryAt(now) - now));
        var resetAt = new DateTimeOffset(Math.Max(now, ResetAt(now)), TimeSpan.Zero);
        return new RateLimitDecision(admitted, Rule.PermitLimit, Remaining, resetAt, retryAfter);
    }
}
