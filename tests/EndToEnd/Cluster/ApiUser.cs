using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// A user of the REST API as a client sees it: registered through a front end, holding its access token and an API
/// key (sessions create/read/update, analyses read, a per-key limit high enough for load tests).
/// </summary>
internal sealed record ApiUser(Guid Id, string Email, string Token, string ApiKey)
{
    /// <summary>The four analysis types of <c>remote_viewing</c>, the session type the tests submit.</summary>
    public static readonly IReadOnlyList<string> AnalysisTypes = ["visual", "spatial", "geographical", "object"];

    /// <summary>Registers <paramref name="email"/> (unique if not given) through <paramref name="frontEnd"/> and creates its API key.</summary>
    public static async Task<ApiUser> RegisterAsync(HttpClient http, Uri frontEnd, string? email = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        email ??= $"user_{unique}@e2e.example.com";
        using var registered = await http.PostAsJsonAsync(
            new Uri(frontEnd, "/v1/auth/register"), new { email, username = $"u_{unique}", password = $"Cluster-{unique}!" });
        var data = await DataAsync(registered, HttpStatusCode.Created);
        var token = data.GetProperty("token").GetString()!;
        var id = data.GetProperty("user").GetProperty("id").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(frontEnd, "/v1/api-keys"))
        {
            Content = JsonContent.Create(new
            {
                name = "end-to-end",
                permissions = new object[]
                {
                    new { resource = "sessions", actions = new[] { "create", "read", "update" } },
                    new { resource = "analyses", actions = new[] { "read" } },
                },
                rate_limit_per_minute = 1_000_000,
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var created = await http.SendAsync(request);
        var key = (await DataAsync(created, HttpStatusCode.Created)).GetProperty("key").GetString()!;
        return new ApiUser(id, email, token, key);
    }

    /// <summary><c>POST /v1/sessions</c> for a <c>remote_viewing</c> session with all four analysis types, with the API key.</summary>
    public HttpRequestMessage CreateSession(Uri frontEnd, string? idempotencyKey = null)
    {
        var request = WithKey(new HttpRequestMessage(HttpMethod.Post, new Uri(frontEnd, "/v1/sessions"))
        {
            Content = JsonContent.Create(new
            {
                cue = "A lighthouse on a rocky coast at dusk",
                session_type = "remote_viewing",
                parameters = new { confidence_threshold = 0.5, analysis_types = AnalysisTypes },
            }),
        });
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>A GET of <paramref name="path"/> with the API key.</summary>
    public HttpRequestMessage Get(Uri frontEnd, string path) => WithKey(new HttpRequestMessage(HttpMethod.Get, new Uri(frontEnd, path)));

    /// <summary>A GET of <paramref name="path"/> with the access token (admin endpoints take tokens).</summary>
    public HttpRequestMessage GetWithToken(Uri frontEnd, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(frontEnd, path));
        request.Headers.Authorization = new("Bearer", Token);
        return request;
    }

    /// <summary>Sends <paramref name="request"/> and returns the envelope's <c>data</c>, failing unless the status is <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpRequestMessage request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            return await DataAsync(response, expected);
        }
    }

    /// <summary>The envelope's <c>data</c>; a different status fails with the body.</summary>
    public static async Task<JsonElement> DataAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").Clone();
    }

    private HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        request.Headers.Add("X-API-Key", ApiKey);
        return request;
    }
}
