using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// The PostgreSQL schema of the cluster: membership, grain directory and reminders, one component in
/// <c>schema_migrations</c>, loaded from every <c>Cluster/Migrations/NNNN_name.sql</c> embedded in the runtime.
/// </summary>
public static class ClusterSchema
{
    /// <summary>The component name of <see cref="Migrations"/> in <c>schema_migrations</c>.</summary>
    public const string MigrationComponent = "cluster";

    /// <summary>Every cluster migration, in version order; apply with <see cref="PostgreSqlSchemaMigrator"/> or <c>AddSchemaMigrations</c>.</summary>
    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        MigrationComponent, typeof(ClusterSchema).Assembly, "MindPeeker.Runtime.Cluster.Migrations.");
}
