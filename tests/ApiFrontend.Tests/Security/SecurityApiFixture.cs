using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>
/// One silo, database and pair of users (alice, bob) shared by a test class, because registering
/// costs a deliberately slow password hash. Requests may set their client address with
/// <see cref="RemoteAddressStartupFilter.Header"/>. Tests must not change shared state others rely on.
/// </summary>
public sealed class SecurityApiFixture : IAsyncLifetime
{
    private PostgreSqlTestDatabase? _database;
    private WebApplicationFactory<MindPeeker.Silo.Program>? _factory;

    public PostgreSqlTestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public HttpClient Client { get; private set; } = null!;

    public TestAccount Alice { get; private set; } = null!;

    public TestAccount Bob { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _factory = new ApiFactory(_database.ConnectionString).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressStartupFilter>()));
        Client = _factory.CreateClient();
        Alice = await TestAccounts.RegisterAsync(Client, "alice");
        Bob = await TestAccounts.RegisterAsync(Client, "bob");
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
