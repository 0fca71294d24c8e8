using System.Text.Json;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// Reads <c>configuration.rate_limit</c>: <c>{algorithm: fixed_window|sliding_window|token_bucket, limit, window_seconds,
/// burst?}</c>, the limit on the integration's outbound calls. Without one, <see cref="Default"/> applies: 60 calls per
/// minute in a sliding window. A sliding window is counted in 10 segments; <c>burst</c> (token bucket only, default
/// <c>limit</c>) is the most calls admitted back to back.
/// </summary>
public static class IntegrationRateLimit
{
    public const string Member = "rate_limit";

    /// <summary>Segments of a sliding window (a window of whole seconds always divides into 10).</summary>
    public const int SlidingWindowSegments = 10;

    public static RateLimitRule Default { get; } = RateLimitRule.SlidingWindow(60, TimeSpan.FromMinutes(1), SlidingWindowSegments);

    /// <summary>The rule <paramref name="configuration"/> sets, or <see cref="Default"/>; call only on a validated configuration.</summary>
    public static RateLimitRule Of(JsonElement configuration) =>
        configuration.ValueKind == JsonValueKind.Object && configuration.TryGetProperty(Member, out var limit) && limit.ValueKind != JsonValueKind.Null
            ? TryRead(limit, out var rule, out _) ? rule! : Default
            : Default;

    /// <summary>Reads a <c>rate_limit</c> object; <see langword="false"/> with the reason when it cannot be enforced.</summary>
    public static bool TryRead(JsonElement limit, out RateLimitRule? rule, out string? problem)
    {
        rule = null;
        problem = "Must be an object {algorithm: fixed_window|sliding_window|token_bucket, limit: 1-1000000, window_seconds: 1-86400, burst?: 1-1000000}.";
        if (limit.ValueKind != JsonValueKind.Object
            || !limit.TryGetProperty("algorithm", out var algorithm) || algorithm.ValueKind != JsonValueKind.String
            || !TryInt(limit, "limit", out var permits) || permits is null
            || !TryInt(limit, "window_seconds", out var seconds) || seconds is null
            || !TryInt(limit, "burst", out var burst))
        {
            return false;
        }

        var window = TimeSpan.FromSeconds(seconds.Value);
        RateLimitRule? candidate = algorithm.GetString() switch
        {
            "fixed_window" => RateLimitRule.FixedWindow(permits.Value, window),
            "sliding_window" => RateLimitRule.SlidingWindow(permits.Value, window, SlidingWindowSegments),
            "token_bucket" => RateLimitRule.TokenBucket(permits.Value, window, burst ?? permits.Value),
            _ => null,
        };
        if (candidate is null || seconds > 86_400 || candidate.Problem() is not null)
        {
            return false;
        }

        (rule, problem) = (candidate, null);
        return true;
    }

    // A missing member reads as null; a present one must be a whole number.
    private static bool TryInt(JsonElement parent, string name, out int? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (member.ValueKind == JsonValueKind.Number && member.TryGetInt32(out var number))
        {
            value = number;
            return true;
        }

        return false;
    }
}
