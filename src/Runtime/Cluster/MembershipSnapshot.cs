using System.Collections.Frozen;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// The membership table as read at one table version: immutable, so readers never see a half-applied
/// change. A silo absent from the snapshot is treated like a dead one for routing.
/// </summary>
public sealed class MembershipSnapshot
{
    public MembershipSnapshot(long version, IEnumerable<MembershipEntry> entries)
    {
        Version = version;
        Entries = entries.ToFrozenDictionary(e => e.Address);
        ActiveSilos = [.. Entries.Values.Where(e => e.Status == SiloStatus.Active).OrderBy(e => e.Address.ToString(), StringComparer.Ordinal)];
        ActiveGateways = [.. ActiveSilos.Where(e => e.IsGateway).Select(e => e.Address)];
    }

    public static MembershipSnapshot Empty { get; } = new(0, []);

    /// <summary>The table version this snapshot was read at; rises with every change.</summary>
    public long Version { get; }

    public FrozenDictionary<SiloAddress, MembershipEntry> Entries { get; }

    /// <summary>Silos in <see cref="SiloStatus.Active"/>, in a stable order.</summary>
    public IReadOnlyList<MembershipEntry> ActiveSilos { get; }

    /// <summary>Addresses of the <see cref="ActiveSilos"/> that accept clients, in the same order; computed once per snapshot.</summary>
    public IReadOnlyList<SiloAddress> ActiveGateways { get; }

    public SiloStatus GetStatus(SiloAddress silo) => Entries.TryGetValue(silo, out var entry) ? entry.Status : SiloStatus.None;

    /// <summary>Dead, or unknown to the table (never joined, or cleaned up).</summary>
    public bool IsDeadOrUnknown(SiloAddress silo) => GetStatus(silo) is SiloStatus.Dead or SiloStatus.None;
}
