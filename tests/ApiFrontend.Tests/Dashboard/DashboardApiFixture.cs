using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>
/// The real silo with the co-hosted front end over a fresh database, collecting every 200 ms, with an
/// administrator and an ordinary user.
/// </summary>
public sealed class DashboardApiFixture : IAsyncLifetime
{
    private readonly string _adminEmail = $"admin_{Guid.NewGuid():N}@example.com";

    public PostgreSqlTestDatabase Database { get; } = new();

    public ApiFactory Factory { get; private set; } = null!;

    public TestAccount Admin { get; private set; } = null!;

    public TestAccount User { get; private set; } = null!;

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Factory = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Identity:AdminEmails:0"] = _adminEmail,
            ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
            ["RateLimiting:Default:Basic"] = "100000",
            ["Dashboard:CollectionInterval"] = "00:00:00.200",
        });
        using var client = Factory.CreateClient();
        User = await TestAccounts.RegisterAsync(client, "dashuser");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Factory.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
