using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Persistence;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Grains.Tests;

/// <summary>The part every database-backed test silo shares with the silo host.</summary>
internal static class GrainsOnDatabaseSiloBuilderExtensions
{
    /// <summary>
    /// Adds MindPeeker's grains with what they need from the database at <paramref name="connectionString"/>: the default
    /// PostgreSQL grain storage, MindPeeker's schema migrations and the <c>NpgsqlDataSource</c> the grains query.
    /// </summary>
    public static ISiloBuilder AddGrainsOnDatabase(this ISiloBuilder builder, string connectionString)
    {
        builder.AddGrains(typeof(GrainsAssembly).Assembly);
        builder.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = connectionString);
        builder.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
        return builder;
    }
}
