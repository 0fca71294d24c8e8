using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Tests.AiProviders;

namespace MindPeeker.Grains.Tests.Caching;

/// <summary>
/// One <see cref="TwoLevelCache"/> as a silo has it — its own memory level, optionally Redis with its values sealed
/// (<see cref="SealedCacheLevel"/>) — with its metrics and logs, and a compute function that counts its calls.
/// </summary>
internal sealed class CacheHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>The master key (version 1) caches seal their Redis values with unless a test gives them another.</summary>
    public static readonly MasterKeyRing SharedKeys = new(new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(SecretCipher.KeySize) });

    private CacheHarness(ServiceProvider services, RedisCacheLevel? redis, MasterKeyRing keys, ProviderLogRecorder logs, TimeProvider time, int memoryEntries)
    {
        _services = services;
        Redis = redis;
        Logs = logs;
        Metrics = services.GetRequiredService<CacheMetrics>();
        var shared = redis is null ? null : new SealedCacheLevel(redis, new SecretCipher(keys), logs.CreateLogger("sealed"));
        Cache = new TwoLevelCache(new MemoryCacheLevel(memoryEntries, time), shared, Metrics, NullLogger<TwoLevelCache>.Instance);
    }

    public TwoLevelCache Cache { get; }

    public RedisCacheLevel? Redis { get; }

    public CacheMetrics Metrics { get; }

    public ProviderLogRecorder Logs { get; }

    public int Computed { get; private set; }

    /// <summary>
    /// A cache over Redis at <paramref name="redis"/> (host:port), or memory only when null. Caches given the same
    /// <paramref name="prefix"/> share their Redis entries; by default each has its own. Values in Redis are sealed with
    /// <paramref name="keys"/> (default <see cref="SharedKeys"/>).
    /// </summary>
    public static CacheHarness Create(string? redis, string? prefix = null, TimeProvider? time = null, int memoryEntries = 100, MasterKeyRing? keys = null)
    {
        time ??= TimeProvider.System;
        prefix ??= NewPrefix();
        var logs = new ProviderLogRecorder();
        var services = new ServiceCollection().AddMetrics().AddSingleton<CacheMetrics>().BuildServiceProvider();
        var level = redis is null
            ? null
            : new RedisCacheLevel(redis, prefix, TimeSpan.FromSeconds(1), time, logs.CreateLogger("redis"));
        return new CacheHarness(services, level, keys ?? SharedKeys, logs, time, memoryEntries);
    }

    public static string NewPrefix() => "test:" + Guid.NewGuid().ToString("N") + ":";

    public Task<string> GetAsync(string input, string answer = "computed") =>
        Cache.GetOrCreateAsync(Key(input), TimeSpan.FromHours(1), _ =>
        {
            Computed++;
            return Task.FromResult(answer + ":" + input);
        }, CancellationToken.None);

    public static CacheKey Key(string input) => CacheKey.For(CacheKey.PromptKind, "model-x", "v1", input);

    /// <summary>What the <c>cache_hit_ratio</c> gauge of this cache reports now, or null when it reports nothing.</summary>
    public double? ObservedHitRatio()
    {
        double? observed = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == Metrics.Meter && instrument.Name == "cache_hit_ratio")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => observed = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return observed;
    }

    public async ValueTask DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
