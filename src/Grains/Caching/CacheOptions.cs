namespace MindPeeker.Grains.Caching;

/// <summary>
/// The two-level cache of analysis results and AI provider answers (<c>Cache</c> section, validated on start). The
/// Redis level is configured by <c>ConnectionStrings:Redis</c> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>);
/// without it the cache is in-process only.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>The connection string name of the Redis level.</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>Most entries the in-process level holds (1–10,000,000); the least recently used goes first. Default 10,000.</summary>
    public int MemoryMaxEntries { get; set; } = 10_000;

    /// <summary>How long an inference result stays cached. Default 7 days (SPEC: analysis results 7 d).</summary>
    public TimeSpan ResultTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an AI provider's answer to a prompt stays cached. Default 1 hour (SPEC: generic prompts 1 h).</summary>
    public TimeSpan PromptTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Prefix of every Redis key, so several deployments can share a Redis. Default <c>mindpeeker:</c>.</summary>
    public string RedisKeyPrefix { get; set; } = "mindpeeker:";

    /// <summary>
    /// The longest a Redis read or write may take before the cache goes on without it (the request is then served
    /// from memory or computed). Default 1 s.
    /// </summary>
    public TimeSpan RedisOperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Redis connection string, from <c>ConnectionStrings:Redis</c>; null: no Redis level.</summary>
    public string? RedisConnectionString { get; set; }
}
