using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Dashboard;

/// <summary>
/// How silos collect the admin dashboard's domain data (section <c>Dashboard:Data</c>, validated on start).
/// </summary>
public sealed class DashboardDataOptions
{
    public const string SectionName = "Dashboard:Data";

    /// <summary>
    /// How many rate-limit buckets each silo tracks per interval (space-saving sketch; constant memory whatever the
    /// number of keys). Default 256.
    /// </summary>
    [Range(8, 10_000)]
    public int TrackedRateLimitBuckets { get; set; } = 256;

    /// <summary>The interval rate-limit buckets are counted in; the dashboard shows the last full one plus the current. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RateLimitInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a silo reuses the answer of its dashboard queries against PostgreSQL (webhooks, sessions), so the
    /// dashboard costs at most one round of queries per silo per this period however many admins watch. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DatabaseStatsMaxAge { get; set; } = TimeSpan.FromSeconds(5);
}
