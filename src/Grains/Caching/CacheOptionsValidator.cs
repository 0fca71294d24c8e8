using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MindPeeker.Grains.Caching;

/// <summary>Checks the cache's bounds and lifetimes, and that a Redis connection string parses.</summary>
internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var failures = new List<string>();
        if (options.MemoryMaxEntries is < 1 or > 10_000_000)
        {
            failures.Add($"Cache:MemoryMaxEntries must be between 1 and 10000000 (was {options.MemoryMaxEntries}).");
        }

        if (options.ResultTtl <= TimeSpan.Zero)
        {
            failures.Add($"Cache:ResultTtl must be positive (was {options.ResultTtl}).");
        }

        if (options.PromptTtl <= TimeSpan.Zero)
        {
            failures.Add($"Cache:PromptTtl must be positive (was {options.PromptTtl}).");
        }

        if (options.RedisOperationTimeout <= TimeSpan.Zero || options.RedisOperationTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Cache:RedisOperationTimeout must be more than 0 and at most 1 minute (was {options.RedisOperationTimeout}).");
        }

        if (options.RedisKeyPrefix is null)
        {
            failures.Add("Cache:RedisKeyPrefix must not be null.");
        }

        if (!string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            try
            {
                if (ConfigurationOptions.Parse(options.RedisConnectionString).EndPoints.Count == 0)
                {
                    failures.Add("ConnectionStrings:Redis names no endpoint (expected host:port).");
                }
            }
            catch (ArgumentException exception)
            {
                // The message names the offending option, never the whole string (it may hold a password).
                failures.Add($"ConnectionStrings:Redis is not a valid StackExchange.Redis configuration: {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
