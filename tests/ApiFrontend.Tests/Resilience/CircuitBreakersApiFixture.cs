using System.Net;
using System.Net.Http.Json;
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
        var username = "admin_" + Guid.NewGuid().ToString("N")[..12];
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = _adminEmail, username, password = TestAccounts.Password });
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        Admin = new TestAccount(
            data.GetProperty("user").GetProperty("id").GetGuid(), _adminEmail, username, TestAccounts.Password,
            data.GetProperty("token").GetString()!, data.GetProperty("refresh_token").GetString()!);
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
