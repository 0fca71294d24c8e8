using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// What makes an integration valid, by snake_case field: a known platform, the platform's credential fields (string
/// values of 1–4096 characters), and its configuration (a JSON object of at most 16 KiB): <c>openai_compatible</c> needs
/// <c>base_url</c> (absolute http/https) and <c>models</c> (1–50 model ids); <c>webhook</c> needs <c>url</c> (absolute
/// http/https). Both accept <c>sync_interval_seconds</c> (60–86400, default 3600) and <c>rate_limit</c>
/// (<see cref="IntegrationRateLimit"/>). Pure functions; thread-safe.
/// </summary>
public static class IntegrationRules
{
    public const int MaxNameLength = 100;
    public const int MaxCredentialLength = 4096;
    public const int MaxConfigurationBytes = 16 * 1024;
    public const int MaxModels = 50;
    public const int MinSyncIntervalSeconds = 60;
    public const int MaxSyncIntervalSeconds = 86_400;
    public const int DefaultSyncIntervalSeconds = 3600;

    /// <summary>Field → messages for <paramref name="credentials"/> and <paramref name="configuration"/> of <paramref name="platform"/>.</summary>
    public static Dictionary<string, string[]> Validate(string platform, IReadOnlyDictionary<string, string?>? credentials, JsonElement configuration)
    {
        var errors = new Dictionary<string, string[]>();
        if (credentials is not null)
        {
            ValidateCredentials(errors, platform, credentials);
        }

        if (configuration.ValueKind != JsonValueKind.Object)
        {
            Add(errors, "configuration", "Must be a JSON object.");
            return errors;
        }

        if (configuration.GetRawText().Length > MaxConfigurationBytes)
        {
            Add(errors, "configuration", $"Must be at most {MaxConfigurationBytes} bytes.");
        }

        if (platform == IntegrationPlatforms.OpenAiCompatible)
        {
            RequireUrl(errors, configuration, "base_url");
            ValidateModels(errors, configuration);
        }
        else if (platform == IntegrationPlatforms.Webhook)
        {
            RequireUrl(errors, configuration, "url");
        }

        if (configuration.TryGetProperty("sync_interval_seconds", out var interval) && interval.ValueKind != JsonValueKind.Null
            && (!interval.TryGetInt32(out var seconds) || seconds is < MinSyncIntervalSeconds or > MaxSyncIntervalSeconds))
        {
            Add(errors, "configuration.sync_interval_seconds", $"Must be a whole number of seconds from {MinSyncIntervalSeconds} to {MaxSyncIntervalSeconds}.");
        }

        if (configuration.TryGetProperty(IntegrationRateLimit.Member, out var limit) && limit.ValueKind != JsonValueKind.Null
            && !IntegrationRateLimit.TryRead(limit, out _, out var problem))
        {
            Add(errors, "configuration.rate_limit", problem!);
        }

        return errors;
    }

    /// <summary>The sync period <paramref name="configuration"/> asks for (validated), or the default of one hour.</summary>
    public static int SyncIntervalSeconds(JsonElement configuration) =>
        configuration.ValueKind == JsonValueKind.Object && configuration.TryGetProperty("sync_interval_seconds", out var interval)
        && interval.ValueKind == JsonValueKind.Number && interval.TryGetInt32(out var seconds)
            ? Math.Clamp(seconds, MinSyncIntervalSeconds, MaxSyncIntervalSeconds)
            : DefaultSyncIntervalSeconds;

    /// <summary>A string member of the configuration, or <see langword="null"/>.</summary>
    public static string? Text(JsonElement configuration, string name) =>
        configuration.ValueKind == JsonValueKind.Object && configuration.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The configured model ids of an <c>openai_compatible</c> integration.</summary>
    public static IReadOnlyList<string> Models(JsonElement configuration) =>
        configuration.ValueKind == JsonValueKind.Object && configuration.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Array
            ? [.. models.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
            : [];

    private static void ValidateCredentials(Dictionary<string, string[]> errors, string platform, IReadOnlyDictionary<string, string?> credentials)
    {
        var allowed = IntegrationPlatforms.CredentialFields(platform);
        foreach (var (field, value) in credentials)
        {
            if (!allowed.Contains(field))
            {
                Add(errors, $"credentials.{field}", allowed.Count == 0 ? "Unknown credential." : $"Unknown credential; this platform accepts {string.Join(", ", allowed)}.");
            }
            else if (string.IsNullOrEmpty(value) || value.Length > MaxCredentialLength)
            {
                Add(errors, $"credentials.{field}", $"Must be a string of 1 to {MaxCredentialLength} characters.");
            }
        }

        foreach (var required in IntegrationPlatforms.RequiredCredentialFields(platform).Where(f => !credentials.ContainsKey(f)))
        {
            Add(errors, $"credentials.{required}", "Required for this platform.");
        }
    }

    private static void RequireUrl(Dictionary<string, string[]> errors, JsonElement configuration, string name)
    {
        var text = Text(configuration, name);
        if (text is null || text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            Add(errors, $"configuration.{name}", "Required: an absolute http or https URL (at most 2048 characters, no user info).");
        }
    }

    private static void ValidateModels(Dictionary<string, string[]> errors, JsonElement configuration)
    {
        if (!configuration.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array
            || models.GetArrayLength() is < 1 or > MaxModels
            || models.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String || m.GetString()!.Length is < 1 or > 200))
        {
            Add(errors, "configuration.models", $"Required: 1 to {MaxModels} model ids (strings of 1 to 200 characters).");
        }
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
