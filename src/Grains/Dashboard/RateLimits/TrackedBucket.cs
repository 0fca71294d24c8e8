using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// One bucket's counts in a <see cref="HottestBuckets"/> interval. <see cref="Requests"/> may overestimate by at most
/// <see cref="Overcount"/> (the count it inherited when it replaced an evicted bucket, as space-saving counts do);
/// <see cref="Rejections"/> counts only what happened while tracked. The last decision's limit and remaining are kept
/// as they were. Mutable; owned by its <see cref="HottestBuckets"/>.
/// </summary>
internal sealed class TrackedBucket(string key)
{
    public string Key { get; } = key;

    public long Requests { get; set; }

    public long Rejections { get; set; }

    public long Overcount { get; set; }

    public int Limit { get; set; }

    public int Remaining { get; set; }

    public TimeSpan Window { get; set; }

    public RateLimitAlgorithm Algorithm { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
