using System.Data.Common;
using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Builds every <see cref="NpgsqlDataSource"/> MindPeeker opens, with its defaults on top of the connection string:
/// statements are prepared automatically (<see cref="DefaultMaxAutoPrepare"/> per connection, each once it has run
/// <see cref="DefaultAutoPrepareMinUsages"/> times), so the hot statements of grains and storage are parsed and planned
/// once per connection instead of on every execution. A connection string that names <c>Max Auto Prepare</c> (0 turns
/// it off, e.g. behind a PgBouncer in transaction mode) or <c>Auto Prepare Min Usages</c> keeps its own value.
/// Connections handed back to the pool are still reset (Npgsql's default): turning that off made a session-recovery
/// test fail in 2 of 6 runs, for a cause not found (docs/performance.md).
/// </summary>
public static class PostgreSqlDataSources
{
    /// <summary>Statements kept prepared per physical connection unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 128;

    /// <summary>How often a statement runs on a connection before it is prepared there.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>A data source for <paramref name="connectionString"/> with MindPeeker's defaults.</summary>
    public static NpgsqlDataSource Create(string connectionString) => CreateBuilder(connectionString).Build();

    /// <summary>A builder for <paramref name="connectionString"/> with MindPeeker's defaults applied, to configure further.</summary>
    public static NpgsqlDataSourceBuilder CreateBuilder(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!named.ContainsKey("Max Auto Prepare") && !named.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!named.ContainsKey("Auto Prepare Min Usages") && !named.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        return builder;
    }
}
