using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>Describes where a connection string points, for errors and logs; leaves out every secret.</summary>
internal static class PostgreSqlEndpoint
{
    public static string Describe(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "<unparseable connection string>";
        }

        var database = string.IsNullOrEmpty(builder.Database) ? "<default>" : builder.Database;
        var user = string.IsNullOrEmpty(builder.Username) ? "<default>" : builder.Username;
        return $"host '{builder.Host}', port {builder.Port}, database '{database}', user '{user}'";
    }
}
