namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// Timing of the membership protocol (Orleans' <c>ClusterMembershipOptions</c>). Bound from
/// <c>Silo:Membership</c> and validated at start-up by <see cref="ClusterMembershipOptionsValidator"/>.
/// The defaults declare a silo that stopped answering Dead about <see cref="ProbePeriod"/> ×
/// <see cref="NumMissedProbesLimit"/> after its last answer (4 s), and every silo learns it within one more
/// <see cref="TableRefreshPeriod"/>: well under 10 s. docs/membership.md compares them with Orleans'.
/// </summary>
public sealed class ClusterMembershipOptions
{
    public const string SectionName = "Silo:Membership";

    /// <summary>How often an Active silo probes each of the silos it monitors. Default 2 s (Orleans 5 s).</summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one probe may take before it counts as missed; shorter than <see cref="ProbePeriod"/>. Default 1 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes after which the prober votes the target dead. Default 2 (Orleans 3).</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>How many of the next Active silos in the ring each silo probes. Default 3 (Orleans 10).</summary>
    public int NumProbedSilos { get; set; } = 3;

    /// <summary>Fresh votes that declare a silo Dead, capped at half the Active non-stale silos rounded up. Default 2 (as Orleans).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>Age after which a suspicion vote no longer counts. Default 2 min (as Orleans).</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a silo writes its heartbeat (diagnostic, not the failure detector). A row whose heartbeat is
    /// older than <see cref="IAmAliveStaleMultiple"/> periods is stale and is not counted when sizing the vote
    /// quorum. Default 30 s (as Orleans).
    /// </summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the table is re-read to publish a newer snapshot. Default 2 s (Orleans gossips, with a 60 s fallback).</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Age of a Dead row's heartbeat after which cleanup deletes it. Default 1 day (Orleans 7 days).</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often each silo deletes defunct rows. Default 1 h (as Orleans).</summary>
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Missed heartbeats after which a row counts as stale (Orleans' <c>NumMissedTableIAmAliveLimit</c>): 3.</summary>
    public const int IAmAliveStaleMultiple = 3;

    /// <summary>Heartbeat age beyond which an Active row is stale: <see cref="IAmAliveStaleMultiple"/> × <see cref="IAmAlivePeriod"/>.</summary>
    public TimeSpan IAmAliveStaleAfter => IAmAlivePeriod * IAmAliveStaleMultiple;
}
