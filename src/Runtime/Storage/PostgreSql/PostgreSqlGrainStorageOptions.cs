namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>Settings of one named PostgreSQL grain storage provider; validated at start-up.</summary>
public sealed class PostgreSqlGrainStorageOptions
{
    /// <summary>An Npgsql connection string (required). Never logged; errors name only host, port, database and user.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Partitions the table between deployments that share a database, like Orleans' ServiceId.
    /// Default <c>mindpeeker</c>. Changing it orphans the state written under the old value.
    /// </summary>
    public string ServiceId { get; set; } = "mindpeeker";
}
