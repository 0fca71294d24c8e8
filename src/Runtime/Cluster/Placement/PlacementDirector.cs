using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Cluster.Placement;

/// <summary>
/// Chooses the silo for a new activation: random among compatible Active silos by default, the calling
/// silo for <see cref="PreferLocalPlacementAttribute"/> classes when it is compatible, and only silos
/// advertising the role of <see cref="RolePlacementAttribute"/> (or its configured fallbacks). Stateless
/// workers run locally when the local silo is compatible. Thread-safe.
/// </summary>
internal sealed class PlacementDirector(IOptions<PlacementOptions> options)
{
    private readonly PlacementOptions _options = options.Value;

    /// <summary>
    /// Whether <paramref name="silo"/> may host activations of <paramref name="descriptor"/>: it has the pinned role,
    /// or no Active silo has it and one of the role's configured fallbacks applies.
    /// </summary>
    public bool IsCompatible(GrainClassDescriptor descriptor, MembershipEntry silo, MembershipSnapshot snapshot) =>
        descriptor.PlacementRole is not { } role
        || silo.HasRole(role)
        || (_options.RoleFallbacks.TryGetValue(role, out var fallbacks)
            && fallbacks.Any(silo.HasRole)
            && !snapshot.ActiveSilos.Any(s => s.HasRole(role)));

    /// <summary>
    /// The silo for a new activation; <paramref name="caller"/> is the silo making the call (null on a client
    /// or when it must not be used, e.g. while it shuts down).
    /// </summary>
    /// <exception cref="SiloUnavailableException">No compatible silo is active.</exception>
    public SiloAddress Place(GrainClassDescriptor descriptor, MembershipSnapshot snapshot, SiloAddress? caller, SiloAddress? exclude = null)
    {
        if (caller is not null
            && (descriptor.PreferLocalPlacement || descriptor.IsStatelessWorker)
            && snapshot.Entries.TryGetValue(caller, out var local)
            && local.Status == Runtime.Hosting.SiloStatus.Active
            && IsCompatible(descriptor, local, snapshot))
        {
            return caller;
        }

        var candidates = snapshot.ActiveSilos.Where(s => !s.Address.Equals(exclude) && IsCompatible(descriptor, s, snapshot)).ToList();
        if (candidates.Count == 0)
        {
            throw new SiloUnavailableException(NoSiloMessage(descriptor, snapshot));
        }

        return candidates[Random.Shared.Next(candidates.Count)].Address;
    }

    private string NoSiloMessage(GrainClassDescriptor descriptor, MembershipSnapshot snapshot)
    {
        if (descriptor.PlacementRole is { } role)
        {
            var fallbacks = _options.RoleFallbacks.TryGetValue(role, out var list) && list.Count > 0
                ? $" or its fallback roles ({string.Join(", ", list)})"
                : $" (set Silo:Placement:RoleFallbacks:{role} to let other roles stand in)";
            return $"No active silo advertises the role '{role}'{fallbacks}, which grain type '{descriptor.GrainType}' is pinned to; " +
                $"start a silo with --role {role}. Active silos: {Describe(snapshot)}.";
        }

        return $"No active silo can host grain type '{descriptor.GrainType}'. Active silos: {Describe(snapshot)}.";
    }

    private static string Describe(MembershipSnapshot snapshot) =>
        snapshot.ActiveSilos.Count == 0
            ? "none"
            : string.Join(", ", snapshot.ActiveSilos.Select(s => $"{s.Address} [{string.Join(",", s.Roles)}]"));
}
