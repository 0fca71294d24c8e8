using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// The durable membership table of one cluster (Orleans' <c>IMembershipTable</c>): one row per silo
/// generation plus a table version. Every change of a row also moves the version by compare-and-swap, in
/// one transaction, so a writer that read version <c>v</c> changes the table only if nobody changed it since;
/// the loser re-reads and retries. A heartbeat (<see cref="UpdateIAmAliveAsync"/>) is the one write that
/// neither checks nor moves the version. Implementations are thread-safe.
/// </summary>
public interface IMembershipTable
{
    /// <summary>The whole table at one version (version 0 and no rows when the cluster never had a member).</summary>
    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The table version and the row of <paramref name="silo"/>, if it has one.</summary>
    Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the row of <paramref name="entry"/> with row ETag 0 and moves the table version from
    /// <paramref name="expectedTableVersion"/> to the next. False, writing nothing, when the silo already has
    /// a row or the table version is no longer <paramref name="expectedTableVersion"/>.
    /// </summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, long expectedTableVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces status, suspicion votes and heartbeat of <paramref name="entry"/>'s row (the heartbeat never
    /// moves backwards), advances its ETag and moves the table version to the next. False, writing nothing,
    /// when the row is missing, its ETag is not <paramref name="rowETag"/>, or the table version is not
    /// <paramref name="expectedTableVersion"/>.
    /// </summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, int rowETag, long expectedTableVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes only <see cref="MembershipEntry.IAmAliveTime"/> of <paramref name="entry"/>'s row: no ETag or
    /// version check or change. Does nothing when the row is missing.
    /// </summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the rows that are <see cref="SiloStatus.Dead"/> and whose heartbeat is older than
    /// <paramref name="beforeDate"/>; rows in any other status stay, however old. Returns the number deleted.
    /// </summary>
    Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row and the version of this cluster (tests and decommissioning).</summary>
    Task DeleteClusterAsync(CancellationToken cancellationToken = default);
}
