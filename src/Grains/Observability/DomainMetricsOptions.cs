using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Observability;

/// <summary><c>Metrics</c> settings of the silo's domain metrics.</summary>
public sealed class DomainMetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>How often <c>user_tier_distribution</c> is counted in PostgreSQL; default 1 minute, at least 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UserTierRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
