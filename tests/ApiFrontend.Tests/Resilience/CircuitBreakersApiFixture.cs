using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Resilience;

/// <summary>The real silo with the co-hosted front end over a fresh database, with an admin and an ordinary user.</summary>
public sealed class CircuitBreakersApiFixture : IAsyncLifetime
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
        Factory = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Identity:AdminEmails:0"] = _adminEmail });
        using var client = Factory.CreateClient();
        User = await TestAccounts.RegisterAsync(client, "user");
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Factory.CreateClient().WithBearer(account);

    /// <summary>Makes <paramref name="dependency"/> known, with the given outcomes in its window (enough failures open it).</summary>
    public Task<CircuitBreakerSnapshot> KnownBreakerAsync(string dependency, int successes, int failures) =>
        Grains.GetGrain<ICircuitBreakerGrain>(dependency).ReportOutcomes(new OutcomeReport(successes, failures));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
