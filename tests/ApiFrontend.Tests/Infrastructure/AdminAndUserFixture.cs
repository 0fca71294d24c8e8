using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The real silo with the co-hosted front end over a fresh database, with an administrator (an address listed in
/// <c>Identity:AdminEmails</c>) and an ordinary user. Derived fixtures add the settings their tests need.
/// </summary>
/// <param name="settings">Configuration on top of the test defaults (the admin address is added here).</param>
/// <param name="userName">The ordinary user's username prefix.</param>
public abstract class AdminAndUserFixture(IReadOnlyDictionary<string, string?> settings, string userName = "user") : IAsyncLifetime
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
        Factory = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?>(settings) { ["Identity:AdminEmails:0"] = _adminEmail });
        using var client = Factory.CreateClient();
        User = await TestAccounts.RegisterAsync(client, userName);
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Factory.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
