using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

/// <summary>The HTTP calls the session tests make, and readers for their answers.</summary>
internal static class SessionRequests
{
    public static object Body(string cue = "Is the key in the kitchen?", string sessionType = "dowsing", object? parameters = null, object? metadata = null) =>
        new { cue, session_type = sessionType, parameters, metadata };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostAsJsonAsync("/v1/sessions", body ?? Body());
        return await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> GetDataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Checks a problem+json answer with <c>success: false</c> and a request id; returns its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        problem.GetProperty("success").GetBoolean().Should().BeFalse();
        problem.GetProperty("status").GetInt32().Should().Be((int)expected);
        problem.GetProperty("requestId").GetString().Should().StartWith("req_");
        return problem;
    }

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static IEnumerable<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    /// <summary>Waits (on the update signal) until the session completed, then returns it.</summary>
    public static async Task<JsonElement> CompletedAsync(HttpClient client, SessionUpdateSignals updates, Guid id)
    {
        var completed = updates.WaitForEventAsync(id, "completed");
        var session = await GetDataAsync(client, $"/v1/sessions/{id}");
        if (session.GetProperty("status").GetString() == "completed")
        {
            return session;
        }

        await completed;
        return await GetDataAsync(client, $"/v1/sessions/{id}");
    }
}
