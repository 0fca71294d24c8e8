using MindPeeker.TestSupport;
using MindPeeker.TestSupport.OpenAiFake;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>What every provider test starts with: its own database and its own fake OpenAI-compatible server.</summary>
public abstract class ProviderTestContext : IAsyncLifetime
{
    private PostgreSqlTestDatabase? _database;
    private OpenAiFakeServer? _fake;

    protected PostgreSqlTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized yet.");

    protected OpenAiFakeServer Fake => _fake ?? throw new InvalidOperationException("Not initialized yet.");

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _fake = await OpenAiFakeServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
