namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>The migrator's own bookkeeping SQL; component schemas live in their numbered migration files.</summary>
internal static class SchemaMigrationQueries
{
    /// <summary>Serializes migrators of one database ("MPSCHEMA" in ASCII); advisory locks are per database.</summary>
    public const long LockKey = 0x4D50_5343_4845_4D41;

    public const string Lock = "SELECT pg_advisory_xact_lock(@key)";

    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            component  text        NOT NULL,
            version    integer     NOT NULL,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT pk_schema_migrations PRIMARY KEY (component, version)
        )
        """;

    public const string ReadApplied = """
        SELECT component, version, name, checksum
        FROM schema_migrations
        WHERE component = ANY(@components)
        """;

    public const string ReadChecksum = """
        SELECT checksum
        FROM schema_migrations
        WHERE component = @component AND version = @version
        """;

    public const string Record = """
        INSERT INTO schema_migrations (component, version, name, checksum)
        VALUES (@component, @version, @name, @checksum)
        """;
}
