using Microsoft.Extensions.Options;
using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.AiProviders;

/// <summary>Checks every provider's endpoint, chain and limits, and that every routed session type names a usable provider.</summary>
internal sealed class AiProvidersOptionsValidator : IValidateOptions<AiProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, AiProvidersOptions options)
    {
        var failures = new List<string>();
        foreach (var (providerName, provider) in options.Providers)
        {
            ValidateProvider($"AiProviders:Providers:{providerName}", provider, failures);
        }

        foreach (var (sessionType, route) in options.SessionTypes)
        {
            var path = $"AiProviders:SessionTypes:{sessionType}";
            if (!AnalysisTypes.BySessionType.ContainsKey(sessionType))
            {
                failures.Add($"{path}: unknown session type; expected one of: {string.Join(", ", AnalysisTypes.BySessionType.Keys)}.");
            }

            if (!AnalysisModes.All.Contains(route.Mode, StringComparer.Ordinal))
            {
                failures.Add($"{path}:Mode must be one of {string.Join(", ", AnalysisModes.All)} (was '{route.Mode}').");
                continue;
            }

            if (route.Mode == AnalysisModes.Local)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(route.Provider) || !options.Providers.TryGetValue(route.Provider, out var target))
            {
                failures.Add($"{path}:Provider must name a provider under AiProviders:Providers (was '{route.Provider}').");
            }
            else if (target.ResolveApiKey() is null)
            {
                failures.Add($"{path} routes to provider '{route.Provider}', which has no API key: set AiProviders:Providers:{route.Provider}:ApiKey " +
                    $"or the environment variable named by its ApiKeyVariable ('{target.ApiKeyVariable}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProvider(string path, AiProviderOptions provider, List<string> failures)
    {
        if (!Uri.TryCreate(provider.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{path}:BaseUrl must be an absolute http(s) URL (was '{provider.BaseUrl}').");
        }

        if (provider.Models.Count == 0 || provider.Models.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{path}:Models must list at least one model id, none empty.");
        }
        else if (provider.Models.Distinct(StringComparer.Ordinal).Count() != provider.Models.Count)
        {
            failures.Add($"{path}:Models lists a model twice.");
        }

        Check(provider.RequestsPerMinute >= 1, $"{path}:RequestsPerMinute must be at least 1 (was {provider.RequestsPerMinute}).", failures);
        Check(provider.TokensPerMinute >= 1, $"{path}:TokensPerMinute must be at least 1 (was {provider.TokensPerMinute}).", failures);
        Check(provider.MaxQueueWait >= TimeSpan.Zero, $"{path}:MaxQueueWait must not be negative (was {provider.MaxQueueWait}).", failures);
        Check(provider.RateLimitedWait > TimeSpan.Zero, $"{path}:RateLimitedWait must be positive (was {provider.RateLimitedWait}).", failures);
        Check(provider.MaxRetryAfter > TimeSpan.Zero, $"{path}:MaxRetryAfter must be positive (was {provider.MaxRetryAfter}).", failures);
        Check(provider.RequestTimeout > TimeSpan.Zero && provider.RequestTimeout <= TimeSpan.FromMinutes(10),
            $"{path}:RequestTimeout must be more than 0 and at most 10 minutes (was {provider.RequestTimeout}).", failures);
        Check(provider.MaxRequestBytes >= 1024, $"{path}:MaxRequestBytes must be at least 1024 (was {provider.MaxRequestBytes}).", failures);
        Check(provider.MaxResponseBytes >= 1024, $"{path}:MaxResponseBytes must be at least 1024 (was {provider.MaxResponseBytes}).", failures);
        Check(provider.MaxOutputTokens >= 1, $"{path}:MaxOutputTokens must be at least 1 (was {provider.MaxOutputTokens}).", failures);
        Check(provider.ResponseFormat is "json_schema" or "json_object",
            $"{path}:ResponseFormat must be json_schema or json_object (was '{provider.ResponseFormat}').", failures);
    }

    private static void Check(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }
}
