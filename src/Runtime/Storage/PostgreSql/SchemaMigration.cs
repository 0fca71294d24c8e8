using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// One numbered step of a component's PostgreSQL schema. Applied once per database, in its own
/// transaction, and recorded in <c>schema_migrations</c> with its <see cref="Checksum"/>; editing an
/// applied migration is an error, so schema changes always take a new version. Immutable.
/// </summary>
public sealed class SchemaMigration
{
    public SchemaMigration(string component, int version, string name, string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        Component = component;
        Version = version;
        Name = name;
        Sql = sql;
        Checksum = ComputeChecksum(sql);
    }

    /// <summary>The owner of the migration, for example <c>grain-storage</c>; versions count per component.</summary>
    public string Component { get; }

    /// <summary>The position in the component's sequence, from 1.</summary>
    public int Version { get; }

    public string Name { get; }

    /// <summary>The statements to run. They run inside a transaction, so they must not manage one themselves.</summary>
    public string Sql { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Sql"/> with line endings normalized to <c>\n</c>.</summary>
    public string Checksum { get; }

    public override string ToString() => $"{Component} {Version:D4}_{Name}";

    private static string ComputeChecksum(string sql)
    {
        // A checkout with CRLF line endings must not look like an edited migration.
        var normalized = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
