using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.DataLifecycle;

/// <summary>
/// The real silo and front end (<see cref="SessionHost"/>) over a fresh database, backups in a temporary directory under
/// a configured key (retention 3), webhooks to loopback allowed, and an administrator. Tests register their own users.
/// </summary>
public sealed class DataLifecycleFixture : IAsyncLifetime
{
    private readonly string _adminEmail = $"admin_{Guid.NewGuid():N}@example.com";

    public PostgreSqlTestDatabase Database { get; } = new();

    public string BackupDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-backups-" + Guid.NewGuid().ToString("N"));

    internal SessionHost Host { get; private set; } = null!;

    public TestAccount Admin { get; private set; } = null!;

    internal SessionUpdateSignals Updates => Host.Updates;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = new SessionHost(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Identity:AdminEmails:0"] = _adminEmail,
            ["Outbound:AllowLoopbackTargets"] = "true",
            ["Backups:Directory"] = BackupDirectory,
            ["Backups:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Backups:RetentionCount"] = "3",
        });
        using var client = Host.CreateClient();
        Admin = await TestAccounts.RegisterAdminAsync(client, _adminEmail);
    }

    public HttpClient ClientFor(TestAccount account) => Host.CreateClient().WithBearer(account);

    public HttpClient Anonymous() => Host.CreateClient();

    public async Task<TestAccount> RegisterAsync(string tag)
    {
        using var client = Host.CreateClient();
        return await TestAccounts.RegisterAsync(client, tag);
    }

    /// <summary>Creates a webhook endpoint to a loopback URL (nothing listens: deliveries just fail) and returns its id.</summary>
    public static async Task<Guid> CreateWebhookAsync(HttpClient client, string description)
    {
        using var response = await client.PostAsJsonAsync("/v1/webhooks", new
        {
            url = "http://127.0.0.1:56399/hook",
            events = new[] { "session.completed" },
            description,
        });
        return (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>The <c>data</c> of a GET that must answer 200.</summary>
    public static async Task<JsonElement> GetDataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(BackupDirectory))
        {
            Directory.Delete(BackupDirectory, recursive: true);
        }
    }
}
