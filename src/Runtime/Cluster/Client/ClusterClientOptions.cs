using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Cluster.Client;

/// <summary>How a front end joins the cluster as a client. Bound from <c>Cluster:Client</c>.</summary>
public sealed class ClusterClientOptions
{
    public const string SectionName = "Cluster:Client";

    /// <summary>Names this client in observer ids and on its gateway connections. Default: a new id per process.</summary>
    [Required]
    public string ClientId { get; set; } = "client-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How long start-up waits for at least one active gateway before failing. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GatewayWaitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a caller waits for a grain call's answer. Default 30 seconds, as on silos.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
