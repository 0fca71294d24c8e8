using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.Dashboard.RateLimits;
using MindPeeker.Grains.RateLimiting.Controller;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.RateLimiting;

/// <summary>
/// One rate-limit bucket (see <see cref="IRateLimitBucketGrain"/>). Deliberately not reentrant: calls run one
/// at a time, so the bucket's arithmetic needs no locks and never admits more than its rule allows. State is
/// kept in memory only; after each call the activation is kept alive until the bucket would be full again,
/// so idle collection only ever drops a bucket that has nothing left to remember.
/// </summary>
[CollectionAgeLimit(Minutes = 1)]
internal sealed class RateLimitBucketGrain(TimeProvider time, RateLimitTraffic? traffic = null) : Grain, IRateLimitBucketGrain
{
    private RateLimitBucket? _bucket;

    public ValueTask<RateLimitDecision> Acquire(RateLimitRule rule)
    {
        var decision = KeepUntilReset(BucketFor(rule).Acquire());
        traffic?.Record(this.GetPrimaryKeyString(), rule, decision);
        return ValueTask.FromResult(decision);
    }

    public ValueTask<RateLimitDecision> Reconfigure(RateLimitRule rule) => ValueTask.FromResult(KeepUntilReset(BucketFor(rule).Peek()));

    private RateLimitBucket BucketFor(RateLimitRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_bucket is null)
        {
            _bucket = RateLimitBucket.Create(rule, time);
        }
        else if (_bucket.Rule.Algorithm != rule.Algorithm)
        {
            _bucket = RateLimitBucket.Create(rule, time, _bucket.Used);
        }
        else if (_bucket.Rule != rule)
        {
            _bucket.Reconfigure(rule);
        }

        return _bucket;
    }

    private RateLimitDecision KeepUntilReset(RateLimitDecision decision)
    {
        DelayDeactivation(decision.ResetAt - time.GetUtcNow());
        return decision;
    }
}
