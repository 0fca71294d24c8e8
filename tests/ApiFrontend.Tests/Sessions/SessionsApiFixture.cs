using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

/// <summary>
/// One <see cref="SessionHost"/> over a fresh PostgreSQL database for a test class, with three
/// accounts: the owner of the sessions, a stranger, and an admin.
/// </summary>
public sealed class SessionsApiFixture : IAsyncLifetime
{
    private readonly string _adminEmail = $"admin_{Guid.NewGuid():N}@example.com";

    public PostgreSqlTestDatabase Database { get; } = new();

    internal SessionHost Host { get; private set; } = null!;

    public TestAccount Owner { get; private set; } = null!;

    public TestAccount Stranger { get; private set; } = null!;

    public TestAccount Admin { get; private set; } = null!;

    internal SessionUpdateSignals Updates => Host.Updates;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Identity:AdminEmails:0"] = _adminEmail };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = new SessionHost(Database.ConnectionString, Settings);
        using var client = Host.CreateClient();
        Owner = await TestAccounts.RegisterAsync(client, "owner");
        Stranger = await TestAccounts.RegisterAsync(client, "stranger");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
