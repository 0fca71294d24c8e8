using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// Which tables a backup holds: every table of the current schema except the cluster runtime's transient ones
/// (membership, grain directory) and the migrator's bookkeeping (its content is the schema, checked instead). Ordered so
/// that a table comes after the tables its foreign keys reference (restore loads parents first).
/// </summary>
internal static class BackupCatalog
{
    /// <summary>Tables never backed up: they describe the running cluster, not data.</summary>
    public static readonly IReadOnlyList<string> Excluded = ["schema_migrations", "cluster_membership", "cluster_membership_version", "grain_directory"];

    private const string TablesSql = """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL(@excluded)
        ORDER BY c.relname
        """;

    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY(@tables) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum
        """;

    private const string PrimaryKeysSql = """
        SELECT c.relname, a.attname
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE n.nspname = current_schema() AND c.relname = ANY(@tables) AND i.indisprimary
        ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)
        """;

    private const string ForeignKeysSql = """
        SELECT child.relname, parent.relname
        FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.relname <> parent.relname
        """;

    private const string SchemaSql = "SELECT component || ':' || version FROM schema_migrations ORDER BY component, version";

    /// <summary>The backed-up tables of the database <paramref name="connection"/> is on, parents before children.</summary>
    public static async Task<IReadOnlyList<BackupTable>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var names = await ReadListAsync(connection, TablesSql, cancellationToken, ("excluded", Excluded.ToArray()));
        var columns = await ReadPairsAsync(connection, ColumnsSql, names, cancellationToken);
        var keys = await ReadPairsAsync(connection, PrimaryKeysSql, names, cancellationToken);
        var parents = await ReadPairsAsync(connection, ForeignKeysSql, names, cancellationToken);
        var byName = names.ToDictionary(
            name => name,
            name => new BackupTable(
                name,
                columns.Where(c => c.Table == name).Select(c => new BackupColumn(c.Value, c.Type!)).ToList(),
                keys.Where(k => k.Table == name).Select(k => k.Value).ToList()));
        return Order(names, parents.Select(p => (Child: p.Table, Parent: p.Value)).ToList()).Select(name => byName[name]).ToList();
    }

    /// <summary>The applied schema migrations as <c>component:version</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> SchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ReadListAsync(connection, SchemaSql, cancellationToken);

    /// <summary>A double-quoted identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static List<string> Order(List<string> names, List<(string Child, string Parent)> edges)
    {
        var ordered = new List<string>(names.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < names.Count)
        {
            // Parents first; a cycle (none in MindPeeker's schema) falls back to name order rather than looping.
            var next = names.FirstOrDefault(n => !placed.Contains(n) && edges.All(e => e.Child != n || placed.Contains(e.Parent) || !names.Contains(e.Parent)))
                ?? names.First(n => !placed.Contains(n));
            ordered.Add(next);
            placed.Add(next);
        }

        return ordered;
    }

    private static async Task<List<string>> ReadListAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static async Task<List<(string Table, string Value, string? Type)>> ReadPairsAsync(
        NpgsqlConnection connection, string sql, List<string> tables, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@tables", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
        }

        var list = new List<(string, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetString(0), reader.GetString(1), reader.FieldCount > 2 ? reader.GetString(2) : null));
        }

        return list;
    }
}
