using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.RateLimiting;
using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// Collects <see cref="DashboardRateLimits"/>: asks every silo for its hottest buckets (<c>dashboard.rate_limits</c>),
/// sums a bucket's counts over silos (a bucket that moved between silos counts on both) and keeps the top ones.
/// Also the <c>rate_limits</c> part of the live dashboard. Thread-safe.
/// </summary>
internal sealed class RateLimitDashboard(ISiloControl control, TimeProvider time, IOptionsMonitor<RateLimitingOptions> limits) : IDashboardSnapshotContributor
{
    public const string HandlerName = "dashboard.rate_limits";

    /// <summary>How many buckets the pushed snapshot and the endpoint list by default.</summary>
    public const int DefaultTop = 20;

    public const int MaxTop = 100;

    public string Name => "rate_limits";

    public async Task<object> CollectAsync(CancellationToken ct) => await CollectAsync(DefaultTop, ct);

    public async Task<DashboardRateLimits> CollectAsync(int top, CancellationToken cancellationToken)
    {
        var answers = await control.AskAllAsync(HandlerName, DomainJson.Argument(new { top }), cancellationToken);
        var traffic = answers.Where(a => a.Result is not null).Select(a => DomainJson.Read<RateLimitTrafficSnapshot>(a.Result!.Value)!).ToList();
        var now = time.GetUtcNow();
        var windowStart = traffic.Count == 0 ? now : traffic.Min(t => t.WindowStartedAt);
        var recentSeconds = traffic.Count == 0 ? 10 : traffic.Max(t => t.RecentSeconds);
        var buckets = traffic
            .SelectMany(t => t.Buckets)
            .GroupBy(b => b.Key, StringComparer.Ordinal)
            .Select(g => Merge([.. g.OrderBy(b => b.LastSeenAt)]))
            .OrderByDescending(b => b.Requests)
            .ThenByDescending(b => b.Rejections)
            .ThenBy(b => b.Key, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new DashboardRateLimits(
            now,
            windowStart,
            Math.Round(Math.Max(0, (now - windowStart).TotalSeconds), 1),
            traffic.Sum(t => t.Requests),
            traffic.Sum(t => t.Rejections),
            Math.Round(traffic.Sum(t => t.RecentRequests) / (double)recentSeconds, 2),
            Math.Round(traffic.Sum(t => t.RecentRejections) / (double)recentSeconds, 2),
            buckets,
            SiloAnswerStatus.Of(answers));
    }

    /// <summary>One bucket from its silos' rows (oldest decision first): counts summed, the rule and remaining of the latest.</summary>
    private HotBucket Merge(IReadOnlyList<RateLimitBucketTraffic> rows)
    {
        var latest = rows[^1];
        var requests = rows.Sum(r => r.Requests);
        var rejections = rows.Sum(r => r.Rejections);
        return new HotBucket(
            latest.Key,
            latest.Policy,
            latest.PrincipalKind,
            latest.PrincipalId,
            TierOf(latest),
            latest.Limit,
            latest.WindowSeconds,
            latest.Algorithm,
            latest.Remaining,
            requests,
            rejections,
            requests == 0 ? 0 : Math.Round((double)rejections / requests, 4),
            rows.Sum(r => r.Overcount),
            latest.LastSeenAt);
    }

    private string? TierOf(RateLimitBucketTraffic bucket)
    {
        if (bucket.Policy != RateLimitingConstants.DefaultPolicy)
        {
            return null;
        }

        if (bucket.PrincipalKind == RateLimitBucketKey.ClientIp)
        {
            return "anonymous";
        }

        var tiers = limits.CurrentValue.Default;
        return bucket.Limit switch
        {
            _ when bucket.WindowSeconds != RateLimitingConstants.DefaultWindow.TotalSeconds => "custom",
            var l when l == tiers.Basic => UserTiers.Basic,
            var l when l == tiers.Professional => UserTiers.Professional,
            var l when l == tiers.Enterprise => UserTiers.Enterprise,
            _ => "custom",
        };
    }
}
