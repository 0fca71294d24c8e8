using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Grains.Persistence;

/// <summary>MindPeeker's own tables: the migrations embedded under <c>Persistence/Migrations/NNNN_name.sql</c>.</summary>
public static class MindPeekerSchema
{
    public const string Component = "mindpeeker";

    public static SchemaMigrationSet Migrations { get; } = SchemaMigrationSet.FromEmbeddedResources(
        Component, typeof(MindPeekerSchema).Assembly, "MindPeeker.Grains.Persistence.Migrations.");
}
