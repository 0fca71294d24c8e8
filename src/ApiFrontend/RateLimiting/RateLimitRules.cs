using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>The rules of one version of <see cref="RateLimitingOptions"/>, built once so requests only read them.</summary>
internal sealed record RateLimitRules(
    bool Enabled,
    RateLimitRule Anonymous,
    RateLimitRule SessionCreation,
    RateLimitRule AuthAttempts,
    RateLimitRule Basic,
    RateLimitRule Professional,
    RateLimitRule Enterprise)
{
    public static RateLimitRules From(RateLimitingOptions options) => new(
        options.Enabled,
        options.Anonymous.ToRule(),
        options.SessionCreation.ToRule(),
        options.AuthAttempts.ToRule(),
        options.Default.ToRule(options.Default.Basic),
        options.Default.ToRule(options.Default.Professional),
        options.Default.ToRule(options.Default.Enterprise));

    /// <summary>The default policy of an authenticated principal: its key's own limit, else its tier's.</summary>
    public RateLimitRule DefaultFor(string? tier, int? keyLimitPerMinute)
    {
        if (keyLimitPerMinute is { } perMinute)
        {
            return Basic with { PermitLimit = perMinute, BurstLimit = perMinute };
        }

        return tier switch
        {
            "professional" => Professional,
            "enterprise" => Enterprise,
            _ => Basic,
        };
    }
}
