namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// The cluster-wide map from grain id to its single activation, with Orleans' PostgreSQL directory
/// semantics: first writer wins, unregister only with the matching activation id, rows of dead silos purged.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Registers <paramref name="address"/> unless another activation is registered; returns the registered
    /// address (the argument when it won). With <paramref name="previousAddress"/>, an existing row equal to
    /// it (same silo and activation id) is replaced instead of winning (used to take over a dead silo's grain).
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress = null, CancellationToken cancellationToken = default);

    /// <summary>The registered address, or null.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Removes the row only when silo and activation id match; true when it removed one.</summary>
    Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default);

    /// <summary>Removes every row of the given silos (used when they are declared dead or shut down); returns the count.</summary>
    Task<int> UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default);
}
