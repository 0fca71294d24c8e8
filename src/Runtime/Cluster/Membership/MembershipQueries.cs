namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// The SQL of <see cref="PostgreSqlMembershipTable"/>. A change runs <see cref="EnsureVersionRow"/>,
/// <see cref="BumpVersion"/> and the row write in one explicit transaction and commits only when both the
/// version compare-and-swap and the row write affected one row. The version row is locked first, so
/// concurrent writers of one cluster queue behind it and all but one see a moved version.
/// </summary>
internal static class MembershipQueries
{
    private const string Columns =
        "m.address, m.silo_name, m.host_name, m.status, m.roles, m.is_gateway, m.suspect_times::text, m.start_time, m.i_am_alive_time, m.etag";

    public const string EnsureVersionRow =
        "INSERT INTO cluster_membership_version (cluster_id) VALUES (@cluster_id) ON CONFLICT (cluster_id) DO NOTHING";

    public const string BumpVersion = """
        UPDATE cluster_membership_version SET version = version + 1, updated_at = now()
        WHERE cluster_id = @cluster_id AND version = @expected_version
        """;

    public const string InsertRow = """
        INSERT INTO cluster_membership
            (cluster_id, address, host, port, generation, silo_name, host_name, status, roles, is_gateway,
             suspect_times, start_time, i_am_alive_time, etag)
        VALUES
            (@cluster_id, @address, @host, @port, @generation, @silo_name, @host_name, @status, @roles, @is_gateway,
             @suspect_times, @start_time, @i_am_alive_time, 0)
        ON CONFLICT (cluster_id, address) DO NOTHING
        """;

    public const string UpdateRow = """
        UPDATE cluster_membership
        SET status = @status, suspect_times = @suspect_times,
            i_am_alive_time = GREATEST(i_am_alive_time, @i_am_alive_time), etag = etag + 1
        WHERE cluster_id = @cluster_id AND address = @address AND etag = @etag
        """;

    public const string UpdateIAmAlive =
        "UPDATE cluster_membership SET i_am_alive_time = @i_am_alive_time WHERE cluster_id = @cluster_id AND address = @address";

    // One statement, so version and rows come from the same MVCC snapshot.
    public const string ReadAll = $"""
        SELECT v.version, {Columns}
        FROM cluster_membership_version v
        LEFT JOIN cluster_membership m ON m.cluster_id = v.cluster_id
        WHERE v.cluster_id = @cluster_id
        """;

    public const string ReadRow = $"""
        SELECT v.version, {Columns}
        FROM cluster_membership_version v
        LEFT JOIN cluster_membership m ON m.cluster_id = v.cluster_id AND m.address = @address
        WHERE v.cluster_id = @cluster_id
        """;

    public const string CleanupDefunct = """
        DELETE FROM cluster_membership
        WHERE cluster_id = @cluster_id AND status = 6 AND i_am_alive_time < @before
        """;

    // The rows go with the version row (ON DELETE CASCADE).
    public const string DeleteCluster = "DELETE FROM cluster_membership_version WHERE cluster_id = @cluster_id";
}
