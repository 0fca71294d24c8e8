namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>A row of the membership table with its ETag, the value an update must present.</summary>
public sealed record MembershipTableRow(MembershipEntry Entry, int ETag);

/// <summary>
/// The membership table (or one row of it) as read at one table <see cref="Version"/> (Orleans'
/// <c>MembershipTableData</c>). Immutable.
/// </summary>
public sealed class MembershipTableData
{
    public MembershipTableData(long version, IEnumerable<MembershipTableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Version = version;
        Rows = [.. rows.OrderBy(r => r.Entry.Address.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The table version; rises by one with every insert or update, never with a heartbeat.</summary>
    public long Version { get; }

    /// <summary>The rows, ordered by address.</summary>
    public IReadOnlyList<MembershipTableRow> Rows { get; }

    /// <summary>The row of <paramref name="silo"/>, or null.</summary>
    public MembershipTableRow? Find(SiloAddress silo) => Rows.FirstOrDefault(r => r.Entry.Address == silo);

    /// <summary>The rows without their ETags, as the immutable view routing code reads.</summary>
    public MembershipSnapshot ToSnapshot() => new(Version, Rows.Select(r => r.Entry));

    /// <summary>The table as it is right after a successful <see cref="IMembershipTable.UpdateRowAsync"/> of <paramref name="entry"/> on this read.</summary>
    internal MembershipTableData AfterUpdate(MembershipEntry entry) =>
        new(Version + 1, Rows.Select(r => r.Entry.Address == entry.Address ? new MembershipTableRow(entry, r.ETag + 1) : r));
}
