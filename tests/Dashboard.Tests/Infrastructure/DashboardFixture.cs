using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real MindPeeker (silo with the co-hosted front end) on Kestrel over a fresh PostgreSQL database, an admin and an
/// ordinary user registered through the API, and a headless Chromium. Shared by the tests of one class; each test
/// opens its own browser context (its own sessionStorage).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private IPlaywright? _playwright;

    public PostgreSqlTestDatabase Database { get; } = new();

    public DashboardHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AdminEmail { get; } = $"admin_{Guid.NewGuid():N}@example.com";

    public string UserEmail { get; } = $"user_{Guid.NewGuid():N}@example.com";

    /// <summary>The admin's access token, for checking through the API what the page did.</summary>
    public string AdminToken { get; private set; } = null!;

    /// <summary>Grains of the running silo, for arranging what the API cannot create (a known circuit breaker).</summary>
    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Host = new DashboardHost(Database.ConnectionString, AdminEmail, onKestrel: true);
        Host.StartOnKestrel();
        using var http = CreateHttpClient();
        AdminToken = await RegisterAsync(http, AdminEmail);
        await RegisterAsync(http, UserEmail);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A client of the real server over loopback HTTP.</summary>
    public HttpClient CreateHttpClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private static async Task<string> RegisterAsync(HttpClient http, string email)
    {
        var username = email.Split('@')[0];
        using var response = await http.PostAsJsonAsync("/v1/auth/register", new { email, username, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("token").GetString()!;
    }
}
