using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster;

/// <summary>A vote that <c>Suspect</c>ed the row's silo of being dead, cast by <see cref="Voter"/> at <see cref="At"/>.</summary>
public sealed record SuspicionVote(SiloAddress Voter, DateTimeOffset At);

/// <summary>
/// One row of the membership table (Orleans' <c>MembershipEntry</c>): a silo's address, what it
/// advertises and its status, plus the suspicion votes other silos have written against it.
/// Immutable; changes produce a copy with <c>with</c>.
/// </summary>
public sealed record MembershipEntry
{
    public required SiloAddress Address { get; init; }

    public required SiloStatus Status { get; init; }

    public required string SiloName { get; init; }

    public required string HostName { get; init; }

    /// <summary>Roles the silo advertises (<c>cpu</c>, <c>gpu</c>); placement pins grain types to them.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Whether clients (front ends) may connect to this silo as a gateway.</summary>
    public bool IsGateway { get; init; } = true;

    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Last heartbeat the silo wrote about itself; diagnostic, not the failure detector.</summary>
    public required DateTimeOffset IAmAliveTime { get; init; }

    public IReadOnlyList<SuspicionVote> SuspectTimes { get; init; } = [];

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
