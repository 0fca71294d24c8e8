using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MindPeeker.Sdk.Http;

/// <summary>
/// Sends one API request with the client's credentials, retries 429/503 per the <see cref="RetryPolicy"/>
/// (waiting <c>Retry-After</c> on the client's <see cref="TimeProvider"/>), unwraps the <c>data</c> of the
/// success envelope and turns problem+json answers into <see cref="MindPeekerApiException"/>. Thread safe.
/// </summary>
internal sealed class ApiConnection(HttpClient http, MindPeekerClientOptions options)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress { get; } = options.BaseAddress ?? throw new ArgumentException("BaseAddress is required.", nameof(options));

    public MindPeekerClientOptions Options { get; } = options;

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Sends the request; answers the envelope's <c>data</c> (default for 204).</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string pathAndQuery, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var policy = Options.Retry;
        for (var attempt = 0; ; attempt++)
        {
            using var request = CreateRequest(method, pathAndQuery, body, idempotencyKey);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent
                    ? default
                    : await ReadDataAsync<T>(response, cancellationToken).ConfigureAwait(false);
            }

            var retryAfter = RetryAfter(response);
            var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
            var delay = retryAfter ?? Backoff(policy, attempt);
            if (!retryable || attempt >= policy.MaxRetries || delay > policy.MaxDelay)
            {
                throw new MindPeekerApiException(response.StatusCode, await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false), retryAfter);
            }

            await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the credential headers to a request (also used for the SignalR WebSocket).</summary>
    public IEnumerable<KeyValuePair<string, string>> CredentialHeaders()
    {
        if (!string.IsNullOrEmpty(Options.ApiKey))
        {
            yield return new("X-API-Key", Options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(Options.BearerToken))
        {
            yield return new("Authorization", "Bearer " + Options.BearerToken);
        }
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, object? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, pathAndQuery));
        foreach (var (name, value) in CredentialHeaders())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Client-Version", Options.ClientVersion);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        if (header.Date is not { } date)
        {
            return null;
        }

        var wait = date - Time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static TimeSpan Backoff(RetryPolicy policy, int attempt) =>
        TimeSpan.FromTicks(policy.BaseDelay.Ticks * (1L << Math.Min(attempt, 20)));

    private static async Task<T?> ReadDataAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var data = document.RootElement.TryGetProperty("data", out var inner) ? inner : document.RootElement;
        return data.Deserialize<T>(Json);
    }

    private static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ApiProblem>(text, Json);
        }
        catch (JsonException)
        {
            return new ApiProblem { Status = (int)response.StatusCode, Detail = text.Length > 500 ? text[..500] : text };
        }
    }
}
