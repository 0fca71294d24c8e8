using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// The durable store of reminders (Orleans' <c>IReminderTable</c>), shared by every silo of a cluster: any
/// silo may write any row; the silo owning a grain's ring range schedules its reminders. Thread-safe.
/// </summary>
public interface IReminderTable
{
    /// <summary>Inserts or replaces the row of (<see cref="ReminderEntry.GrainId"/>, <see cref="ReminderEntry.ReminderName"/>); returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the row only if its ETag is still <paramref name="eTag"/>; true when it removed one.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);

    /// <summary>The row, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Every reminder of one grain, ordered by name.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Every reminder whose grain's ring hash (<see cref="ConsistentRing.GetHash(GrainId)"/>) lies in one of <paramref name="ranges"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(IReadOnlyList<RingRange> ranges, CancellationToken cancellationToken = default);
}
