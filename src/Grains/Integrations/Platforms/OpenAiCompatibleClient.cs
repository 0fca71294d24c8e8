using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Integrations.Platforms;

/// <summary>
/// An OpenAI-compatible provider (NVIDIA NIM and friends): test and sync both <c>GET {base_url}/models</c> with the
/// <c>api_key</c> as bearer token and read the listed model ids (<c>{"data": [{"id": ...}]}</c>); the test fails when a
/// configured model is not listed, the sync reports the listed models.
/// </summary>
internal sealed class OpenAiCompatibleClient(HttpClient http, TimeProvider time) : IntegrationPlatformClient(http, time)
{
    public override string Platform => IntegrationPlatforms.OpenAiCompatible;

    public override async Task<ConnectionTestResult> TestAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        var configured = IntegrationRules.Models(target.Configuration);
        var listed = await ListModelsAsync(target, cancellationToken);
        if (!listed.Success)
        {
            return listed;
        }

        var missing = configured.Where(m => !listed.Models!.Contains(m, StringComparer.Ordinal)).ToList();
        return missing.Count == 0
            ? listed
            : listed with { Success = false, Error = $"The provider does not list the configured models: {string.Join(", ", missing)}." };
    }

    public override Task<ConnectionTestResult> SyncAsync(IntegrationTarget target, CancellationToken cancellationToken) =>
        ListModelsAsync(target, cancellationToken);

    private Task<ConnectionTestResult> ListModelsAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        var baseUrl = IntegrationRules.Text(target.Configuration, "base_url")!.TrimEnd('/');
        var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/models");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (target.Credentials.TryGetValue("api_key", out var key))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return SendDisposingAsync(request, cancellationToken);
    }

    private async Task<ConnectionTestResult> SendDisposingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SendAsync(request, ReadModels, cancellationToken);
        }
    }

    private static ConnectionTestResult ReadModels(HttpStatusCode status, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                var models = data.EnumerateArray()
                    .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    .Select(m => m.GetProperty("id").GetString()!)
                    .ToList();
                return new ConnectionTestResult(true, 0, null, (int)status, models);
            }
        }
        catch (JsonException)
        {
            // Answered below: the body is not a model list.
        }

        return new ConnectionTestResult(false, 0, "The answer is not an OpenAI model list ({\"data\": [{\"id\": ...}]}).", (int)status);
    }
}
