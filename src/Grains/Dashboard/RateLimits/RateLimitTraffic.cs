using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// Where the silo's rate-limit buckets report their decisions for the dashboard: per interval
/// (<see cref="DashboardDataOptions.RateLimitInterval"/>) a space-saving sketch of the hottest buckets
/// (<see cref="HottestBuckets"/>, constant memory) and per-second totals. Recording is one short lock, no allocation for
/// a tracked bucket and no I/O. Thread-safe.
/// </summary>
public sealed class RateLimitTraffic(TimeProvider time, IOptions<DashboardDataOptions> options)
{
    /// <summary>The seconds the recent rates average over.</summary>
    public const int RecentSeconds = 10;

    private readonly Lock _lock = new();
    private readonly int _capacity = options.Value.TrackedRateLimitBuckets;
    private readonly TimeSpan _interval = options.Value.RateLimitInterval;
    private readonly PerSecondCounts _requests = new();
    private readonly PerSecondCounts _rejections = new();
    private HottestBuckets? _current;
    private HottestBuckets? _previous;

    /// <summary>Counts one decision of the bucket <paramref name="key"/> under <paramref name="rule"/>.</summary>
    public void Record(string key, RateLimitRule rule, RateLimitDecision decision)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(decision);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var bucket = CurrentInterval(now).Count(key, decision.Admitted);
            bucket.Limit = decision.Limit;
            bucket.Remaining = decision.Remaining;
            bucket.Window = rule.Window;
            bucket.Algorithm = rule.Algorithm;
            bucket.LastSeenAt = now;
            _requests.Add(now);
            if (!decision.Admitted)
            {
                _rejections.Add(now);
            }
        }
    }

    /// <summary>The <paramref name="top"/> buckets with the most requests since the previous interval began, and the totals.</summary>
    public RateLimitTrafficSnapshot Snapshot(int top)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var current = CurrentInterval(now);
            var merged = new Dictionary<string, RateLimitBucketTraffic>(StringComparer.Ordinal);
            foreach (var interval in new[] { _previous, current })
            {
                foreach (var bucket in interval?.Buckets ?? [])
                {
                    var traffic = ToTraffic(bucket);
                    merged[bucket.Key] = merged.TryGetValue(bucket.Key, out var earlier)
                        ? traffic with
                        {
                            Requests = earlier.Requests + traffic.Requests,
                            Rejections = earlier.Rejections + traffic.Rejections,
                            Overcount = earlier.Overcount + traffic.Overcount,
                        }
                        : traffic;
                }
            }

            return new RateLimitTrafficSnapshot(
                (_previous ?? current).StartedAt,
                now,
                current.TotalRequests + (_previous?.TotalRequests ?? 0),
                current.TotalRejections + (_previous?.TotalRejections ?? 0),
                RecentSeconds,
                _requests.SumOfLast(now, RecentSeconds),
                _rejections.SumOfLast(now, RecentSeconds),
                _capacity,
                [.. merged.Values.OrderByDescending(b => b.Requests).ThenByDescending(b => b.Rejections).ThenBy(b => b.Key, StringComparer.Ordinal).Take(top)]);
        }
    }

    /// <summary>The interval <paramref name="now"/> falls in, rolling over (and forgetting what is two intervals old) as needed.</summary>
    private HottestBuckets CurrentInterval(DateTimeOffset now)
    {
        if (_current is { } current && now < current.StartedAt + _interval)
        {
            return current;
        }

        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % _interval.Ticks), TimeSpan.Zero);
        _previous = _current is { } ended && ended.StartedAt + _interval == start ? ended : null;
        _current = new HottestBuckets(_capacity, start);
        return _current;
    }

    private static RateLimitBucketTraffic ToTraffic(TrackedBucket bucket)
    {
        var slash = bucket.Key.IndexOf('/', StringComparison.Ordinal);
        var colon = bucket.Key.IndexOf(':', slash + 1);
        var policy = slash > 0 ? bucket.Key[..slash] : string.Empty;
        var kind = colon > slash ? bucket.Key[(slash + 1)..colon] : string.Empty;
        var id = colon > slash ? bucket.Key[(colon + 1)..] : bucket.Key;
        return new RateLimitBucketTraffic(
            bucket.Key, policy, kind, id, bucket.Requests, bucket.Rejections, bucket.Overcount, bucket.Limit, bucket.Remaining,
            bucket.Window.TotalSeconds, bucket.Algorithm.ToString(), bucket.LastSeenAt);
    }
}
