namespace MindPeeker.Runtime.Cluster.Directory;

/// <summary>
/// The statements of <see cref="PostgreSqlGrainDirectory"/> over <c>grain_directory</c>
/// (Cluster/Migrations/0002_grain_directory.sql). Parameters are positional: $1 cluster id, $2 grain id.
/// </summary>
internal static class GrainDirectoryQueries
{
    /// <summary>
    /// Inserts ($3 silo, $4 activation id, $5 membership version) unless a row exists, and returns the row
    /// that is registered now with <c>won</c> telling which. One round trip in the common case. Under a race
    /// the fallback read can come back empty: the statement's snapshot predates the winner's commit (the
    /// conflict only waited for it), so the caller runs it again. <c>FOR SHARE</c> makes the fallback read
    /// the newest version of a row that was replaced or deleted after the snapshot.
    /// </summary>
    public const string Register = """
        WITH inserted AS (
            INSERT INTO grain_directory (cluster_id, grain_id, silo_address, activation_id, membership_version)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (cluster_id, grain_id) DO NOTHING
            RETURNING silo_address, activation_id, membership_version
        ), existing AS (
            SELECT silo_address, activation_id, membership_version
            FROM grain_directory
            WHERE cluster_id = $1 AND grain_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)
            FOR SHARE
        )
        SELECT true AS won, silo_address, activation_id, membership_version FROM inserted
        UNION ALL
        SELECT false, silo_address, activation_id, membership_version FROM existing
        """;

    /// <summary>
    /// As <see cref="Register"/>, but an existing row equal to the previous address ($6 silo, $7 activation id)
    /// is replaced. Racing replacers serialize on the row lock and re-check the condition on the newest
    /// version, so exactly one of them replaces it; the others get the new winner.
    /// </summary>
    public const string RegisterReplacingPrevious = """
        WITH inserted AS (
            INSERT INTO grain_directory AS d (cluster_id, grain_id, silo_address, activation_id, membership_version)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (cluster_id, grain_id) DO UPDATE
                SET silo_address = excluded.silo_address,
                    activation_id = excluded.activation_id,
                    membership_version = excluded.membership_version,
                    registered_at = now()
                WHERE d.silo_address = $6 AND d.activation_id = $7
            RETURNING d.silo_address, d.activation_id, d.membership_version
        ), existing AS (
            SELECT silo_address, activation_id, membership_version
            FROM grain_directory
            WHERE cluster_id = $1 AND grain_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)
            FOR SHARE
        )
        SELECT true AS won, silo_address, activation_id, membership_version FROM inserted
        UNION ALL
        SELECT false, silo_address, activation_id, membership_version FROM existing
        """;

    public const string Lookup = """
        SELECT silo_address, activation_id, membership_version
        FROM grain_directory
        WHERE cluster_id = $1 AND grain_id = $2
        """;

    /// <summary>Deletes the row only when both $3 silo and $4 activation id match, so a successor's row survives.</summary>
    public const string Unregister = """
        DELETE FROM grain_directory
        WHERE cluster_id = $1 AND grain_id = $2 AND silo_address = $3 AND activation_id = $4
        """;

    /// <summary>Deletes every row of the silos in $2 (a text array of addresses).</summary>
    public const string UnregisterSilos = """
        DELETE FROM grain_directory
        WHERE cluster_id = $1 AND silo_address = ANY($2)
        """;
}
