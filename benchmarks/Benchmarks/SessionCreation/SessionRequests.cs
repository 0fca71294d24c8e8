using System.Net;
using System.Text;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>The <c>create-session</c> request every session benchmark sends, and how a non-201 answer is counted.</summary>
internal static class SessionRequests
{
    public const string Body = """
        {"cue":"Describe the target: a tall structure near water, seen at dusk","session_type":"remote_viewing","parameters":{"confidence_threshold":0.5,"analysis_types":["visual","spatial"]},"metadata":{"source":"benchmark"}}
        """;

    /// <summary>POSTs <see cref="Body"/> to <c>/v1/sessions</c> with <paramref name="apiKey"/>.</summary>
    public static Task CreateAsync(HttpClient http, string apiKey, FailureCounter failures) =>
        PostAsync(http, "/v1/sessions", request => request.Headers.Add("X-API-Key", apiKey), failures);

    /// <summary>POSTs <see cref="Body"/> to <paramref name="path"/>; anything but 201 Created is counted in <paramref name="failures"/>.</summary>
    public static async Task PostAsync(HttpClient http, string path, Action<HttpRequestMessage> authorize, FailureCounter failures)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        authorize(request);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            failures.Add(response.StatusCode);
        }
    }
}
