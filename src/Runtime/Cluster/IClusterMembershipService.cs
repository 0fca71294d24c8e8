namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// This process's view of cluster membership: the latest snapshot read from the membership table,
/// refreshed periodically and whenever this silo changes the table. Implemented by the silo's
/// membership agent and, read-only, by cluster clients.
/// </summary>
public interface IClusterMembershipService
{
    /// <summary>The newest snapshot; never null (empty before the first read).</summary>
    MembershipSnapshot CurrentSnapshot { get; }

    /// <summary>Raised after <see cref="CurrentSnapshot"/> moved to a higher version, off any lock, on a thread-pool thread.</summary>
    event Action<MembershipSnapshot>? SnapshotChanged;

    /// <summary>Reads the table now and publishes the result when it is newer.</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);
}
