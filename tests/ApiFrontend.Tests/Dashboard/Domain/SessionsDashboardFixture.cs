using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Dashboard.Domain;

/// <summary>
/// A <see cref="SessionHost"/> over a fresh database (so session counts are this class's own) with an administrator and
/// a user who ran two <c>dowsing</c> sessions and one <c>precognition</c> session to completion; the log tail keeps information entries (the test host logs only warnings elsewhere), database statistics are
/// never reused, and the admin hub polls every 100 ms.
/// </summary>
public sealed class SessionsDashboardFixture : IAsyncLifetime
{
    private readonly string _adminEmail = $"admin_{Guid.NewGuid():N}@example.com";

    public PostgreSqlTestDatabase Database { get; } = new();

    internal SessionHost Host { get; private set; } = null!;

    public TestAccount Admin { get; private set; } = null!;

    public TestAccount User { get; private set; } = null!;

    /// <summary>Two completed sessions of type <c>dowsing</c>.</summary>
    public IReadOnlyList<Guid> Dowsing { get; private set; } = [];

    /// <summary>A completed session of type <c>precognition</c>.</summary>
    public Guid Precognition { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = new SessionHost(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Identity:AdminEmails:0"] = _adminEmail,
            ["Logging:LogTail:LogLevel:Default"] = "Information",
            ["Dashboard:Data:DatabaseStatsMaxAge"] = "00:00:00",
            ["Dashboard:CollectionInterval"] = "00:00:00.100",
        });
        using var client = Host.CreateClient();
        User = await TestAccounts.RegisterAsync(client, "user");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);

        using var user = ClientFor(User);
        var dowsing = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            dowsing.Add((await SessionRequests.CreateAsync(user, SessionRequests.Body(sessionType: "dowsing"))).GetProperty("id").GetGuid());
        }

        Dowsing = dowsing;
        Precognition = (await SessionRequests.CreateAsync(user, SessionRequests.Body(sessionType: "precognition"))).GetProperty("id").GetGuid();
        foreach (var id in dowsing.Append(Precognition))
        {
            await SessionRequests.CompletedAsync(user, Host.Updates, id);
        }
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
