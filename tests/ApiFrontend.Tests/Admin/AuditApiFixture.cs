using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Admin;

/// <summary>
/// The real silo with the co-hosted front end over a fresh database (loopback webhook targets allowed, as in
/// development; rate limits raised so many registrations fit), with an administrator and an ordinary user. Tests register further users of their own so their
/// audit entries can be told apart.
/// </summary>
public sealed class AuditApiFixture : IAsyncLifetime
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
            ["Outbound:AllowLoopbackTargets"] = "true",
            ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
            ["RateLimiting:Default:Basic"] = "100000",
        });
        using var client = Factory.CreateClient();
        User = await TestAccounts.RegisterAsync(client, "user");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Factory.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
