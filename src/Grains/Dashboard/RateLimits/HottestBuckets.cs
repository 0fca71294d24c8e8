namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// The heaviest rate-limit buckets of one interval by a space-saving sketch of <see cref="Capacity"/> entries: a bucket
/// not tracked while the sketch is full replaces the one with the fewest requests and inherits its count (as
/// <see cref="TrackedBucket.Overcount"/>), so any bucket with more than <c>total / capacity</c> requests in the interval
/// is guaranteed to be present, and memory stays constant however many keys there are. Finding the bucket to evict is
/// amortized O(1): one scan collects every bucket at the minimum count, and later evictions take them in turn (counts
/// only grow and a newcomer starts above that minimum, so one still at it is still a minimum). Not thread-safe.
/// </summary>
internal sealed class HottestBuckets(int capacity, DateTimeOffset startedAt)
{
    private readonly Dictionary<string, TrackedBucket> _buckets = new(capacity, StringComparer.Ordinal);
    private readonly Stack<TrackedBucket> _minimums = new();
    private long _minimum;

    public int Capacity => capacity;

    /// <summary>When the interval began.</summary>
    public DateTimeOffset StartedAt => startedAt;

    /// <summary>Every request counted in the interval, tracked or not.</summary>
    public long TotalRequests { get; private set; }

    public long TotalRejections { get; private set; }

    public IReadOnlyCollection<TrackedBucket> Buckets => _buckets.Values;

    /// <summary>Counts one decision of the bucket <paramref name="key"/>.</summary>
    public TrackedBucket Count(string key, bool admitted)
    {
        TotalRequests++;
        if (!admitted)
        {
            TotalRejections++;
        }

        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new TrackedBucket(key);
            if (_buckets.Count >= capacity)
            {
                var least = EvictLeast();
                bucket.Requests = least.Requests;
                bucket.Overcount = least.Requests;
            }

            _buckets.Add(key, bucket);
        }

        bucket.Requests++;
        if (!admitted)
        {
            bucket.Rejections++;
        }

        return bucket;
    }

    private TrackedBucket EvictLeast()
    {
        while (_minimums.TryPop(out var candidate))
        {
            // A candidate evicted earlier may have come back as a new entry under the same key: only the very entry counts.
            if (candidate.Requests == _minimum && _buckets.TryGetValue(candidate.Key, out var current) && ReferenceEquals(current, candidate))
            {
                _buckets.Remove(candidate.Key);
                return candidate;
            }
        }

        _minimum = long.MaxValue;
        foreach (var bucket in _buckets.Values)
        {
            if (bucket.Requests < _minimum)
            {
                _minimum = bucket.Requests;
                _minimums.Clear();
            }

            if (bucket.Requests == _minimum)
            {
                _minimums.Push(bucket);
            }
        }

        var least = _minimums.Pop();
        _buckets.Remove(least.Key);
        return least;
    }
}
