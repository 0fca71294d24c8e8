using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.ApiFrontend.Observability.Metrics;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.Grains.Observability;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// The real silo and co-hosted front end over a fresh database with the unauthenticated scrape listener on a loopback
/// port the OS picks, an administrator and an ordinary user, and one session created and completed through the API
/// (so the session, analysis, inference and PostgreSQL metrics have values).
/// </summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private readonly string _adminEmail = $"admin_{Guid.NewGuid():N}@example.com";

    public PostgreSqlTestDatabase Database { get; } = new();

    internal SessionHost Host { get; private set; } = null!;

    public TestAccount Admin { get; private set; } = null!;

    public TestAccount User { get; private set; } = null!;

    /// <summary>The session created (and completed) during start-up.</summary>
    public Guid SessionId { get; private set; }

    /// <summary>The scrape listener's base address (<c>http://127.0.0.1:port</c>).</summary>
    public Uri InternalAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = new SessionHost(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Identity:AdminEmails:0"] = _adminEmail,
            ["Metrics:InternalPort"] = "0",
            ["Metrics:InternalAddress"] = "127.0.0.1",
        });
        using var client = Host.CreateClient();
        User = await TestAccounts.RegisterAsync(client, "user");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);

        // Counted now rather than at the next periodic refresh, so the scrape sees both accounts.
        await Host.Services.GetServices<IHostedService>().OfType<UserTierMetrics>().Single().RefreshAsync(CancellationToken.None);
        using var userClient = ClientFor(User);
        SessionId = (await SessionRequests.CreateAsync(userClient)).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(userClient, Host.Updates, SessionId);
        InternalAddress = Host.Services.GetServices<IHostedService>().OfType<InternalMetricsListener>().Single().Address!;
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public async Task<string> ScrapeAsAdminAsync()
    {
        using var client = ClientFor(Admin);
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, text);
        return text;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
