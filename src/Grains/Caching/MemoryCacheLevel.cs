namespace MindPeeker.Grains.Caching;

/// <summary>
/// The in-process level: at most a fixed number of entries (the least recently used is evicted first), each expiring
/// after its time to live as the injected <see cref="TimeProvider"/> tells. Thread-safe (one lock; every operation is O(1)).
/// </summary>
public sealed class MemoryCacheLevel : CacheLevel
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly int _maxEntries;
    private readonly TimeProvider _time;

    /// <param name="maxEntries">Most entries held (at least 1).</param>
    /// <param name="time">The clock the entries expire by.</param>
    public MemoryCacheLevel(int maxEntries, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentNullException.ThrowIfNull(time);
        _maxEntries = maxEntries;
        _time = time;
    }

    public override string Name => "memory";

    /// <summary>Entries held now, expired ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public override ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<byte[]?>(null);
            }

            if (node.Value.ExpiresAt <= now)
            {
                Remove(node);
                return ValueTask.FromResult<byte[]?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<byte[]?>(node.Value.Value);
        }
    }

    public override ValueTask SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var entry = new Entry(key, value, _time.GetUtcNow() + timeToLive);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            _entries[key] = _recency.AddFirst(entry);
            while (_entries.Count > _maxEntries)
            {
                Remove(_recency.Last!);
            }
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask<long?> RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long removed = 0;
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (key is not null && _entries.TryGetValue(key, out var node))
                {
                    Remove(node);
                    removed++;
                }
            }
        }

        return ValueTask.FromResult<long?>(removed);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, byte[] Value, DateTimeOffset ExpiresAt);
}
