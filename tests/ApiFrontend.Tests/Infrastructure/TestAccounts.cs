using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>A registered user and the tokens its registration returned.</summary>
public sealed record TestAccount(Guid UserId, string Email, string Username, string Password, string AccessToken, string RefreshToken);

/// <summary>
/// Registers users and creates API keys through the real endpoints, and authenticates requests as
/// them. Registration hashes a password (PBKDF2, 600,000 iterations, about half a second), so
/// register few users per test class.
/// </summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>Registers a user with a unique email and username (<paramref name="tag"/> makes them readable).</summary>
    public static Task<TestAccount> RegisterAsync(HttpClient client, string? tag = null)
    {
        var name = $"{tag ?? "user"}_{Guid.NewGuid().ToString("N")[..12]}";
        return RegisterAsync(client, $"{name}@example.com", name);
    }

    /// <summary>
    /// Registers <paramref name="email"/> (for example an address listed in <c>Identity:AdminEmails</c>, which makes the
    /// account an administrator) under a unique <c>admin_…</c> username.
    /// </summary>
    public static Task<TestAccount> RegisterAdminAsync(HttpClient client, string email) =>
        RegisterAsync(client, email, "admin_" + Guid.NewGuid().ToString("N")[..12]);

    private static async Task<TestAccount> RegisterAsync(HttpClient client, string email, string username)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email, username, password = Password });
        var data = await ReadDataAsync(response, HttpStatusCode.Created);
        return new TestAccount(
            data.GetProperty("user").GetProperty("id").GetGuid(),
            email,
            username,
            Password,
            data.GetProperty("token").GetString()!,
            data.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>
    /// Creates an API key for <paramref name="account"/> and returns the key itself. <paramref name="permissions"/>
    /// is serialized as the <c>permissions</c> array, e.g. <c>new[] { new { resource = "sessions", actions = new[] { "read" } } }</c>.
    /// </summary>
    public static async Task<string> CreateApiKeyAsync(
        HttpClient client, TestAccount account, object permissions, int? rateLimitPerMinute = null, string[]? ipWhitelist = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new
            {
                name = "test key",
                permissions,
                rate_limit_per_minute = rateLimitPerMinute,
                ip_whitelist = ipWhitelist,
            }),
        }.AuthorizeAs(account);
        using var response = await client.SendAsync(request);
        return (await ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("key").GetString()!;
    }

    /// <summary>Makes every request of <paramref name="client"/> carry the account's access token.</summary>
    public static HttpClient WithBearer(this HttpClient client, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return client;
    }

    /// <summary>Makes every request of <paramref name="client"/> carry an API key.</summary>
    public static HttpClient WithApiKey(this HttpClient client, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove("X-API-Key");
        client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return client;
    }

    public static HttpRequestMessage AuthorizeAs(this HttpRequestMessage request, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return request;
    }

    public static HttpRequestMessage WithApiKey(this HttpRequestMessage request, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("X-API-Key", apiKey);
        return request;
    }

    /// <summary>Checks the status and returns the envelope's <c>data</c>; fails with the body when the status differs.</summary>
    public static async Task<JsonElement> ReadDataAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }
}
