using System.Net;
using System.Net.Http.Json;
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
        Admin = await RegisterAdminAsync(client);
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<TestAccount> RegisterAdminAsync(HttpClient client)
    {
        var username = "admin_" + Guid.NewGuid().ToString("N")[..12];
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email = _adminEmail, username, password = TestAccounts.Password });
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        return new TestAccount(
            data.GetProperty("user").GetProperty("id").GetGuid(), _adminEmail, username, TestAccounts.Password,
            data.GetProperty("token").GetString()!, data.GetProperty("refresh_token").GetString()!);
    }
}
