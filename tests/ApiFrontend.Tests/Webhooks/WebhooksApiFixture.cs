using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Webhooks;

/// <summary>
/// The real silo and front end over a fresh database, loopback webhook targets allowed (the development setting),
/// a Kestrel receiver, and two accounts: the owner of the endpoints and a stranger.
/// </summary>
public sealed class WebhooksApiFixture : IAsyncLifetime
{
    public PostgreSqlTestDatabase Database { get; } = new();

    internal SessionHost Host { get; private set; } = null!;

    internal WebhookTestReceiver Receiver { get; private set; } = null!;

    public TestAccount Owner { get; private set; } = null!;

    public TestAccount Stranger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Receiver = await WebhookTestReceiver.StartAsync();
        Host = new SessionHost(Database.ConnectionString, new Dictionary<string, string?> { ["Outbound:AllowLoopbackTargets"] = "true" });
        using var client = Host.CreateClient();
        Owner = await TestAccounts.RegisterAsync(client, "owner");
        Stranger = await TestAccounts.RegisterAsync(client, "stranger");
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
        await Database.DisposeAsync();
    }
}
