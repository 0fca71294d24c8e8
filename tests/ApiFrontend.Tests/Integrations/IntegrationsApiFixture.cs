using System.Security.Cryptography;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Integrations;

/// <summary>
/// The real silo and front end over a fresh PostgreSQL database for a test class, with a configured master key,
/// loopback targets allowed (the fake platform listens on loopback), the per-user rate limit off (it has its own tests),
/// two accounts (owner and stranger) and a <see cref="FakePlatform"/>.
/// </summary>
public sealed class IntegrationsApiFixture : IAsyncLifetime
{
    public PostgreSqlTestDatabase Database { get; } = new();

    internal ApiFactory Host { get; private set; } = null!;

    internal FakePlatform Platform { get; private set; } = null!;

    public TestAccount Owner { get; private set; } = null!;

    public TestAccount Stranger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Platform = await FakePlatform.StartAsync();
        Host = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Outbound:AllowLoopbackTargets"] = "true",
            ["Integrations:Credentials:MasterKeys:1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        using var client = Host.CreateClient();
        Owner = await TestAccounts.RegisterAsync(client, "owner");
        Stranger = await TestAccounts.RegisterAsync(client, "stranger");
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public HttpClient AnonymousClient() => Host.CreateClient();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}
