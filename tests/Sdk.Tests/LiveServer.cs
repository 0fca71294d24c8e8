using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.TestSupport;

namespace MindPeeker.Sdk.Tests;

/// <summary>
/// One running MindPeeker (a silo process with the co-hosted front end on a fresh PostgreSQL database) shared by
/// the SDK tests, with one registered user and their API key (sessions create/read/update, analyses read).
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private SiloHost? _silo;

    public Uri BaseAddress => _silo!.BaseAddress;

    public string Token { get; private set; } = string.Empty;

    public string ApiKey { get; private set; } = string.Empty;

    public string Output => _silo?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _silo = await SiloHost.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            // Each analysis batch waits the longest the options allow (1 s) for company, so a session stays in
            // processing for a few seconds: long enough for a client to subscribe after creating it and see its
            // progress live, as a real model's latency would allow.
            ["Analysis__Batching__MaxBatchWait"] = "00:00:01",

            // Webhook deliveries to the test's receiver on 127.0.0.1 (development setting, docs/outbound-security.md).
            ["Outbound__AllowLoopbackTargets"] = "true",
        });
        var suffix = Guid.NewGuid().ToString("N")[..12];
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var registered = await PostAsync(http, "/v1/auth/register", null, new { email = $"sdk-{suffix}@example.com", username = $"sdk_{suffix}", password = $"Sdk-tests-{suffix}!" });
        Token = registered.GetProperty("token").GetString()!;
        ApiKey = await CreateApiKeyAsync(null);
    }

    /// <summary>A new API key of the test user with session and analysis rights, optionally with its own per-minute limit.</summary>
    public async Task<string> CreateApiKeyAsync(int? rateLimitPerMinute)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var key = await PostAsync(http, "/v1/api-keys", Token, new
        {
            name = "sdk-tests",
            permissions = new object[]
            {
                new { resource = "sessions", actions = new[] { "create", "read", "update" } },
                new { resource = "analyses", actions = new[] { "read" } },
            },
            rate_limit_per_minute = rateLimitPerMinute,
        });
        return key.GetProperty("key").GetString()!;
    }

    /// <summary>POSTs JSON with the test user's JWT and answers the envelope's <c>data</c>.</summary>
    public async Task<JsonElement> PostAsUserAsync(string path, object body)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        return await PostAsync(http, path, Token, body);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path} must succeed, answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("data").Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveServerCollection : ICollectionFixture<LiveServer>
{
    public const string Name = "live MindPeeker";
}
