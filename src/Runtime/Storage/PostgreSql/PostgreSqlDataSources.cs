using System.Data.Common;
using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Builds every <see cref="NpgsqlDataSource"/> MindPeeker opens, with its defaults on top of the connection string:
/// statements are prepared automatically (<see cref="DefaultMaxAutoPrepare"/> per connection, each once it has run
/// <see cref="DefaultAutoPrepareMinUsages"/> times), so the hot statements of grains and storage are parsed and planned
/// once per connection instead of on every execution; and a connection returned to the pool is not reset
/// (<c>No Reset On Close</c>), which saves the server the five reset statements Npgsql would otherwise send ahead of the
/// next use. That is safe because nothing in MindPeeker leaves session state on a connection: no <c>SET</c> outside a
/// transaction, no <c>LISTEN</c>, no temporary tables, and only transaction-scoped advisory locks. A connection string
/// that names <c>Max Auto Prepare</c> (0 turns it off, e.g. behind a PgBouncer in transaction mode),
/// <c>Auto Prepare Min Usages</c> or <c>No Reset On Close</c> keeps its own value.
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

        if (!named.ContainsKey("No Reset On Close") && !named.ContainsKey("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        return builder;
    }
}
