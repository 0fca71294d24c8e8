using MindPeeker.Grains.Identity;
using MindPeeker.Runtime;
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
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddIdentityGrains();
            },
            time,
            configuration);
        return new IdentitySilo(silo);
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
