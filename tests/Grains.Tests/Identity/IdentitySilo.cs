using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Persistence;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Identity;

/// <summary>A real silo with the identity grains over a real PostgreSQL database, configured like the silo host.</summary>
internal sealed class IdentitySilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private IdentitySilo(TestSilo silo) => _silo = silo;

    public IGrainFactory Grains => _silo.GrainFactory;

    public static async Task<IdentitySilo> StartAsync(
        PostgreSqlTestDatabase database, TimeProvider? time = null, IDictionary<string, string?>? configuration = null)
    {
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrains(typeof(GrainsAssembly).Assembly);
                builder.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = database.ConnectionString);
                builder.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
                builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString));
                builder.Services.AddIdentityGrains();
            },
            time,
            configuration);
        return new IdentitySilo(silo);
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
