namespace MindPeeker.ApiFrontend.Tests.Integrations;

/// <summary>Request bodies for <c>/v1/integrations</c>.</summary>
internal static class IntegrationRequests
{
    public const string ApiKey = "sk-fake-provider-key-0123456789";
    public const string HookSecret = "hook-secret-never-returned";
    public const string HookToken = "hook-token-never-returned";

    public static object OpenAi(FakePlatform platform, string? name = null) => new
    {
        name = name ?? "NVIDIA NIM",
        type = "ai_provider",
        platform = "openai_compatible",
        credentials = new { api_key = platform.ApiKey },
        configuration = new { base_url = platform.BaseUrl + "/v1", models = platform.Models },
    };

    public static object Webhook(FakePlatform platform, string hook, object? rateLimit = null) => new
    {
        name = "n8n workflow",
        type = "workflow",
        platform = "webhook",
        credentials = new { secret = HookSecret, token = HookToken },
        configuration = new { url = $"{platform.BaseUrl}/hooks/{hook}", sync_interval_seconds = 300, rate_limit = rateLimit },
    };
}
