using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Secrets;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Caching;

/// <summary>Registers the two-level analysis cache.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TwoLevelCache"/> with <see cref="CacheOptions"/> bound from the <c>Cache</c> section (Redis from
    /// <c>ConnectionStrings:Redis</c>) and validated on start, <see cref="CacheMetrics"/> and the <c>cache.remove</c> silo
    /// control handler (<see cref="CacheRemovalHandler"/>) that drops keys from this silo's memory level. Values kept in
    /// Redis are sealed with the master keys of the secrets at rest (<see cref="SealedCacheLevel"/>): with Redis configured
    /// the host refuses to start without a master key. Idempotent; a <see cref="TimeProvider"/> registered earlier wins.
    /// </summary>
    public static IServiceCollection AddAnalysisCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(TwoLevelCache)))
        {
            return services;
        }

        services.AddOptions<CacheOptions>()
            .BindConfiguration(CacheOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.RedisConnectionString ??= configuration.GetConnectionString(CacheOptions.RedisConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretsAtRest(validateOnStart: false);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, RedisSealingKeysValidator>());
        services.AddMetrics();
        services.TryAddSingleton<CacheMetrics>();
        services.TryAddSingleton(sp =>
        {
            // Only resolved when ConnectionStrings:Redis is set; the container disposes it (and its connection) on shutdown.
            var options = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            return new RedisCacheLevel(options.RedisConnectionString!, options.RedisKeyPrefix, options.RedisOperationTimeout,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisCacheLevel>>());
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var redis = string.IsNullOrWhiteSpace(options.RedisConnectionString)
                ? null
                : new SealedCacheLevel(sp.GetRequiredService<RedisCacheLevel>(), sp.GetRequiredService<SecretCipher>(), sp.GetRequiredService<ILogger<SealedCacheLevel>>());
            CacheLog.Configured(sp.GetRequiredService<ILogger<TwoLevelCache>>(), options.MemoryMaxEntries, redis is null ? "off" : "on");
            return new TwoLevelCache(new MemoryCacheLevel(options.MemoryMaxEntries, time), redis, sp.GetRequiredService<CacheMetrics>(),
                sp.GetRequiredService<ILogger<TwoLevelCache>>());
        });
        services.AddSiloControlHandler<CacheRemovalHandler>();
        return services;
    }
}
