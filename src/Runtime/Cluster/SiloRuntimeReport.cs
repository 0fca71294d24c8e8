namespace MindPeeker.Runtime.Cluster;

/// <summary>One silo's status and activations as the admin API shows them.</summary>
public sealed record SiloRuntimeReport(
    string Silo,
    string SiloName,
    IReadOnlyList<string> Roles,
    string Status,
    DateTimeOffset? StartedAt,
    int TotalActivations,
    IReadOnlyDictionary<string, int> ActivationsByGrainType);

/// <summary>
/// The runtime state of every silo this process can see: the local silo alone in a single-silo host, each
/// active silo of the membership table (asked over its connection) in a cluster silo or cluster client.
/// </summary>
public interface IClusterRuntimeView
{
    /// <summary>Reports in silo-address order; a silo that does not answer in time is reported with status <c>Unreachable</c>.</summary>
    Task<IReadOnlyList<SiloRuntimeReport>> GetSilosAsync(CancellationToken cancellationToken = default);
}
