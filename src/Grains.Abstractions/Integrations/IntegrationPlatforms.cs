namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>The platforms an integration can talk to, and the categories (<c>type</c>) it may be filed under.</summary>
public static class IntegrationPlatforms
{
    /// <summary>An OpenAI-compatible AI provider (NVIDIA NIM, OpenAI, vLLM...): <c>base_url</c>, <c>models</c>, credential <c>api_key</c>.</summary>
    public const string OpenAiCompatible = "openai_compatible";

    /// <summary>A webhook destination (n8n, Zapier, Make...): <c>url</c>; optional credentials <c>secret</c> (HMAC) and <c>token</c> (bearer).</summary>
    public const string Webhook = "webhook";

    public static IReadOnlyList<string> All { get; } = [OpenAiCompatible, Webhook];

    /// <summary>Allowed values of <c>type</c>.</summary>
    public static IReadOnlyList<string> Types { get; } = ["ai_provider", "workflow", "webhook", "custom"];

    /// <summary>The credential fields each platform accepts.</summary>
    public static IReadOnlyList<string> CredentialFields(string platform) => platform switch
    {
        OpenAiCompatible => ["api_key"],
        Webhook => ["secret", "token"],
        _ => [],
    };

    /// <summary>The credential fields a platform cannot work without.</summary>
    public static IReadOnlyList<string> RequiredCredentialFields(string platform) => platform == OpenAiCompatible ? ["api_key"] : [];
}
