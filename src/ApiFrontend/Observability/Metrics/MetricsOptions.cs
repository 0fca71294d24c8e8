using System.ComponentModel.DataAnnotations;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// <c>Metrics</c> settings. <c>GET /metrics</c> is always served on the main HTTP port to administrators; with
/// <see cref="InternalPort"/> set, a second, unauthenticated listener serves only <c>/metrics</c> for the
/// Prometheus scraper (never expose that port outside the cluster network).
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Whether this process aggregates its instruments (default true). When false no <c>MeterListener</c> is started:
    /// instruments cost next to nothing and <c>/metrics</c> answers an empty scrape.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Port of the unauthenticated scrape listener; null (default) for none, 0 for a port the OS picks.</summary>
    [Range(0, 65535)]
    public int? InternalPort { get; set; }

    /// <summary>Address the scrape listener binds to; default <c>0.0.0.0</c> (pods are scraped over the pod network).</summary>
    [Required]
    public string InternalAddress { get; set; } = "0.0.0.0";

    /// <summary>Meters exported besides those whose name starts with <c>MindPeeker</c> (exact names).</summary>
    public IList<string> ExtraMeters { get; } = [];
}
