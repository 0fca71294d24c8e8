namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// One OpenAI-compatible provider (e.g. NVIDIA NIM): its endpoint, key, model fallback chain, budgets and limits.
/// Defaults follow SPEC.md's NIM figures.
/// </summary>
public sealed class AiProviderOptions
{
    /// <summary>Base URL of the OpenAI-compatible API, up to and including <c>/v1</c> (e.g. <c>https://integrate.api.nvidia.com/v1</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The API key. Never logged. When empty, the environment variable named by <see cref="ApiKeyVariable"/> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Environment variable holding the API key when <see cref="ApiKey"/> is empty (e.g. <c>NVIDIA_API_KEY</c>).</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Model ids in fallback order: the first is asked first, the next when it fails, and so on.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Requests per minute this silo may send to the provider (all models together). Default 40.</summary>
    public int RequestsPerMinute { get; set; } = 40;

    /// <summary>Tokens (prompt + completion) per minute this silo may use at the provider. Default 500,000.</summary>
    public long TokensPerMinute { get; set; } = 500_000;

    /// <summary>
    /// The longest one analysis waits in all for budget, or for rate-limited models to be callable again, before it
    /// fails. Default 60 s.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a model that answered 429 without <c>Retry-After</c> is left alone (its fallbacks answer meanwhile). Default 60 s.</summary>
    public TimeSpan RateLimitedWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>Retry-After</c> honoured as given; longer ones are cut to this. Default 10 min.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Timeout of one model call, response body included. Default 120 s (70–90 s is normal for large models).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest request body sent, in bytes. Default 2 MB (2,097,152).</summary>
    public int MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest response body read, in bytes; a larger one is a failure of that model. Default 1 MB.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The completion's token limit (<c>max_tokens</c>). Default 2,048.</summary>
    public int MaxOutputTokens { get; set; } = 2048;

    /// <summary>
    /// How structured output is requested: <c>json_schema</c> (default; the schema of a finding list) or
    /// <c>json_object</c> for servers without schema support. The answer is validated either way.
    /// </summary>
    public string ResponseFormat { get; set; } = "json_schema";

    /// <summary>The key from <see cref="ApiKey"/> or the variable <see cref="ApiKeyVariable"/> names; null when neither has one.</summary>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : string.IsNullOrWhiteSpace(ApiKeyVariable) ? null
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
