using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Tests.Integrations;

/// <summary>Commands for the integration grain tests.</summary>
internal static class IntegrationCommands
{
    public static NewIntegration OpenAi(Guid owner, FakePlatform platform, string? apiKey = null, object? rateLimit = null) => new(
        new IntegrationCaller(owner),
        "NIM",
        "ai_provider",
        IntegrationPlatforms.OpenAiCompatible,
        new Dictionary<string, string> { ["api_key"] = apiKey ?? platform.ApiKey },
        Json(new { base_url = platform.BaseUrl + "/v1", models = platform.Models, rate_limit = rateLimit }));

    public static NewIntegration Webhook(Guid owner, FakePlatform platform, string hook, object? rateLimit = null, int? syncInterval = null, Dictionary<string, string>? credentials = null) => new(
        new IntegrationCaller(owner),
        "n8n",
        "workflow",
        IntegrationPlatforms.Webhook,
        credentials ?? [],
        Json(new { url = $"{platform.BaseUrl}/hooks/{hook}", rate_limit = rateLimit, sync_interval_seconds = syncInterval }));

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
}
