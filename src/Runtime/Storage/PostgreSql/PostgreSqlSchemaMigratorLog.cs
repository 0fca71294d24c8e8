using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Storage.PostgreSql;

internal static partial class PostgreSqlSchemaMigratorLog
{
    [LoggerMessage(3001, LogLevel.Information, "Applying schema migration {Migration} to PostgreSQL ({Endpoint})")]
    public static partial void ApplyingMigration(ILogger logger, string migration, string endpoint);

    [LoggerMessage(3002, LogLevel.Information, "Applied schema migration {Migration} to PostgreSQL ({Endpoint})")]
    public static partial void MigrationApplied(ILogger logger, string migration, string endpoint);

    [LoggerMessage(3003, LogLevel.Information, "Schema of PostgreSQL ({Endpoint}) is up to date; {AppliedCount} migrations applied now")]
    public static partial void SchemaUpToDate(ILogger logger, string endpoint, int appliedCount);

    [LoggerMessage(3004, LogLevel.Warning,
        "PostgreSQL ({Endpoint}) has schema migration {Component} {Version} ({Name}) that this build does not know; a newer build probably applied it")]
    public static partial void UnknownMigrationApplied(ILogger logger, string endpoint, string component, int version, string name);

    [LoggerMessage(3005, LogLevel.Warning,
        "Schema migrations of {Components} are registered, but no PostgreSQL grain storage is, so they were not applied anywhere")]
    public static partial void NoDatabase(ILogger logger, string components);
}
