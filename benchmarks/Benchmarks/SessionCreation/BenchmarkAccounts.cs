using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>Accounts for the benchmarks that drive <c>POST /v1/sessions</c>: registration and a session-creating API key.</summary>
internal static class BenchmarkAccounts
{
    public const string Password = "benchmark password 1234";

    /// <summary>Registers <paramref name="email"/> under a unique username; returns the user's id and access token.</summary>
    public static async Task<(Guid UserId, string Token)> RegisterAsync(HttpClient http, string email)
    {
        var name = "bench" + Guid.NewGuid().ToString("N")[..10];
        using var register = await http.PostAsJsonAsync("/v1/auth/register", new { email, username = name, password = Password });
        using var registered = JsonDocument.Parse(await register.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var data = registered.RootElement.GetProperty("data");
        return (data.GetProperty("user").GetProperty("id").GetGuid(), data.GetProperty("token").GetString()!);
    }

    /// <summary>Creates an API key that may create sessions, with a per-minute limit no benchmark reaches.</summary>
    public static async Task<string> CreateSessionKeyAsync(HttpClient http, string token)
    {
        using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new
            {
                name = "benchmark",
                permissions = new[] { new { resource = "sessions", actions = new[] { "*" } } },
                rate_limit_per_minute = 1_000_000,
            }),
        };
        keyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var key = await http.SendAsync(keyRequest);
        using var created = JsonDocument.Parse(await key.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return created.RootElement.GetProperty("data").GetProperty("key").GetString()!;
    }

    /// <summary>Registers a fresh user and returns an API key of theirs that may create sessions.</summary>
    public static async Task<string> SessionKeyOfNewUserAsync(HttpClient http) =>
        await CreateSessionKeyAsync(http, (await RegisterAsync(http, $"bench{Guid.NewGuid():N}@example.com")).Token);
}
