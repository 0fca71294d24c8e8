using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.RateLimiting;

/// <summary>
/// One rate-limit bucket: one policy applied to one principal, keyed as <see cref="RateLimitBucketKey"/> says.
/// The grain is not reentrant, so its decisions are exact under any concurrency: in one window it never
/// admits more than its rule allows. Its state lives in memory only (no storage I/O per request) and
/// outlives idleness until the bucket would be full again, so deactivation never forgets a debt.
/// </summary>
public interface IRateLimitBucketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes one permit if <paramref name="rule"/> allows it. The rule travels with every call, so a bucket is
    /// configured on first use and follows a changed rule (new configuration, a key's new limit) from the next call,
    /// keeping what was already used against the quota.
    /// </summary>
    ValueTask<RateLimitDecision> Acquire(RateLimitRule rule);

    /// <summary>
    /// Changes the bucket's rule now, keeping what was already used against the quota, and answers its state
    /// (<see cref="RateLimitDecision.Admitted"/> tells whether a request would be admitted). Takes no permit.
    /// </summary>
    ValueTask<RateLimitDecision> Reconfigure(RateLimitRule rule);
}
