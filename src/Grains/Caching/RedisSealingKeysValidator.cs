using Microsoft.Extensions.Options;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// With Redis configured, the cache seals what it keeps there (<see cref="SealedCacheLevel"/>), so the master keys of the
/// secrets at rest must be valid at start, not at the first cache write. Without Redis nothing is sealed and no key is needed.
/// </summary>
internal sealed class RedisSealingKeysValidator(IOptionsMonitor<MasterKeyOptions> masterKeys) : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = masterKeys.CurrentValue;
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException exception)
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Redis is set, and the cache seals the values it keeps in Redis with the master keys of the secrets at rest: {exception.Message}");
        }
    }
}
