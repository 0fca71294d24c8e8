using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// Which silos a silo probes: the next <c>count</c> silos after it in the ring of silos that still serve
/// (Active, ShuttingDown, Stopping), ordered by address text, wrapping around. Never itself.
/// </summary>
internal static class ProbeRing
{
    public static IReadOnlyList<SiloAddress> TargetsOf(SiloAddress self, MembershipSnapshot snapshot, int count)
    {
        var ring = snapshot.Entries.Values
            .Where(e => IsProbed(e.Status) || e.Address == self)
            .Select(e => e.Address)
            .OrderBy(a => a.ToString(), StringComparer.Ordinal)
            .ToList();
        var index = ring.IndexOf(self);
        if (index < 0)
        {
            return [];
        }

        var targets = new List<SiloAddress>(Math.Min(count, ring.Count - 1));
        for (var step = 1; step < ring.Count && targets.Count < count; step++)
        {
            targets.Add(ring[(index + step) % ring.Count]);
        }

        return targets;
    }

    private static bool IsProbed(SiloStatus status) => status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping;
}
