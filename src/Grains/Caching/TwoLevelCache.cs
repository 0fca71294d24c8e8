using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// Analysis results and AI provider answers, cached in process (<see cref="MemoryCacheLevel"/>) and, when configured,
/// in Redis (<see cref="RedisCacheLevel"/>), as JSON. A lookup asks the memory level, then Redis (a Redis hit is copied
/// into memory), then computes the value and stores it in both. A level that fails never fails the request. Lookups
/// of one key that miss while its value is being computed wait for that computation instead of starting another (so
/// identical concurrent prompts cost one provider call); the shared computation is not cancelled when a waiter gives up.
/// A silo singleton; thread-safe.
/// </summary>
public sealed class TwoLevelCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly MemoryCacheLevel _memory;
    private readonly CacheLevel? _shared;
    private readonly CacheMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _computing = new(StringComparer.Ordinal);

    /// <param name="memory">The in-process level.</param>
    /// <param name="shared">The shared level, or null for in-process caching only.</param>
    /// <param name="metrics">Where hits and misses are counted.</param>
    /// <param name="logger">Where unreadable entries are reported.</param>
    public TwoLevelCache(MemoryCacheLevel memory, CacheLevel? shared, CacheMetrics metrics, ILogger<TwoLevelCache> logger)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _memory = memory;
        _shared = shared;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The cached value of <paramref name="key"/>, or the value <paramref name="create"/> computes, then kept for <paramref name="timeToLive"/>.</summary>
    /// <remarks>
    /// Exceptions from <paramref name="create"/> reach the caller (and every lookup that waited for the same computation)
    /// and nothing is cached. <paramref name="cancellationToken"/> ends this caller's wait; <paramref name="create"/> itself
    /// runs with <see cref="CancellationToken.None"/>, as other lookups may be waiting for it.
    /// </remarks>
    public async Task<T> GetOrCreateAsync<T>(CacheKey key, TimeSpan timeToLive, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        var storageKey = key.ToString();
        if (TryRead<T>(await _memory.GetAsync(storageKey, cancellationToken).ConfigureAwait(false), key, out var fromMemory))
        {
            _metrics.Hit(_memory.Name);
            return fromMemory;
        }

        if (_shared is not null)
        {
            var bytes = await _shared.GetAsync(storageKey, cancellationToken).ConfigureAwait(false);
            if (TryRead<T>(bytes, key, out var fromShared))
            {
                _metrics.Hit(_shared.Name);
                await _memory.SetAsync(storageKey, bytes!, timeToLive, cancellationToken).ConfigureAwait(false);
                return fromShared;
            }
        }

        _metrics.Miss();
        var computation = _computing.GetOrAdd(storageKey, _ => new Lazy<Task<byte[]>>(() => ComputeAsync(storageKey, timeToLive, create)));
        var computed = await computation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<T>(computed, Json)!;
    }

    /// <summary>This silo's in-process level (for inspection; lookups go through <see cref="GetOrCreateAsync{T}"/>).</summary>
    internal MemoryCacheLevel Memory => _memory;

    /// <summary>Whether a shared (Redis) level is configured.</summary>
    public bool HasSharedLevel => _shared is not null;

    /// <summary>
    /// Removes the entries of <paramref name="keys"/> (storage keys, <see cref="CacheKey.ToString"/>) from this silo's
    /// memory level only; other silos' memory levels are reached through the <c>cache.remove</c> silo control handler
    /// (<see cref="CacheRemovalHandler"/>). Returns how many entries were removed. A computation of one of the keys that is
    /// running now still stores its value when it finishes.
    /// </summary>
    public async Task<long> RemoveFromMemoryAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return await _memory.RemoveAsync(keys, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>
    /// Removes the entries of <paramref name="keys"/> (storage keys) from the shared level in one batched operation:
    /// how many were removed, or null when there is no shared level (<see cref="HasSharedLevel"/>) or it cannot answer.
    /// </summary>
    public async Task<long?> RemoveFromSharedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _shared is null ? null : await _shared.RemoveAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ComputeAsync<T>(string storageKey, TimeSpan timeToLive, Func<CancellationToken, Task<T>> create)
    {
        // Yield first, so the computation is registered before it can finish and unregister itself.
        await Task.Yield();
        try
        {
            var serialized = JsonSerializer.SerializeToUtf8Bytes(await create(CancellationToken.None).ConfigureAwait(false), Json);
            await _memory.SetAsync(storageKey, serialized, timeToLive, CancellationToken.None).ConfigureAwait(false);
            if (_shared is not null)
            {
                await _shared.SetAsync(storageKey, serialized, timeToLive, CancellationToken.None).ConfigureAwait(false);
            }

            return serialized;
        }
        finally
        {
            // Done either way: the next miss computes afresh (after a failure) or finds the value in memory.
            _computing.TryRemove(storageKey, out _);
        }
    }

    private bool TryRead<T>(byte[]? bytes, CacheKey key, out T value)
    {
        value = default!;
        if (bytes is null)
        {
            return false;
        }

        try
        {
            var read = JsonSerializer.Deserialize<T>(bytes, Json);
            if (read is null)
            {
                return false;
            }

            value = read;
            return true;
        }
        catch (JsonException exception)
        {
            CacheLog.UnreadableEntry(_logger, exception, key.Kind);
            return false;
        }
    }
}
