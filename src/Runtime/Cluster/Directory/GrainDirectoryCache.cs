using System.Collections.Concurrent;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Cluster.Directory;

/// <summary>
/// This silo's cache of directory lookups, GrainId → <see cref="GrainAddress"/>. Entries are hints: a
/// caller that reaches a silo answering "not here" invalidates the exact address it used, and membership
/// changes drop every entry on a silo that is no longer Active. Bounded: when a put would exceed
/// <see cref="Capacity"/>, entries are evicted down to seven eighths of it (whichever the dictionary enumerates first, which
/// is effectively arbitrary) in one sweep, so eviction costs nothing on the read path.
/// Thread-safe; reads take no lock.
/// </summary>
internal sealed class GrainDirectoryCache
{
    /// <summary>Default <see cref="Capacity"/>: 100,000 entries.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();
    private readonly Lock _evictionLock = new();
    private int _count;

    public GrainDirectoryCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>The number of entries (approximate while writers race).</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(GrainId grainId, out GrainAddress? address) => _entries.TryGetValue(grainId, out address);

    /// <summary>Caches <paramref name="address"/> for its grain, replacing any older entry.</summary>
    public void Put(GrainAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var added = false;
        _entries.AddOrUpdate(
            address.GrainId,
            _ =>
            {
                added = true;
                return address;
            },
            (_, _) =>
            {
                added = false;
                return address;
            });
        if (added && Interlocked.Increment(ref _count) > Capacity)
        {
            Evict();
        }
    }

    /// <summary>Drops whatever is cached for <paramref name="grainId"/>.</summary>
    public bool Invalidate(GrainId grainId)
    {
        if (_entries.TryRemove(grainId, out _))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }

    /// <summary>Drops the entry only if it still holds exactly <paramref name="address"/>, so a newer entry survives a late "not here".</summary>
    public bool Invalidate(GrainAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_entries.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address)))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }

    /// <summary>Drops every entry on one of <paramref name="silos"/>; returns how many.</summary>
    public int InvalidateSilos(IEnumerable<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var gone = silos.ToHashSet();
        return gone.Count == 0 ? 0 : RemoveWhere(address => gone.Contains(address.Silo));
    }

    /// <summary>Drops every entry on a silo that is not Active in <paramref name="snapshot"/> (dead, leaving or unknown); returns how many.</summary>
    public int OnMembershipChanged(MembershipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return RemoveWhere(address => snapshot.GetStatus(address.Silo) != SiloStatus.Active);
    }

    private int RemoveWhere(Func<GrainAddress, bool> predicate)
    {
        var removed = 0;
        foreach (var entry in _entries)
        {
            if (predicate(entry.Value) && _entries.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
                removed++;
            }
        }

        return removed;
    }

    private void Evict()
    {
        // One sweeper at a time. A put that finds the lock taken leaves the work to the sweeper, which
        // re-checks the count after releasing, so no put past capacity goes unanswered.
        while (Count > Capacity && _evictionLock.TryEnter())
        {
            try
            {
                var target = Capacity - (Capacity / 8);
                foreach (var entry in _entries)
                {
                    if (Count <= target)
                    {
                        break;
                    }

                    if (_entries.TryRemove(entry))
                    {
                        Interlocked.Decrement(ref _count);
                    }
                }
            }
            finally
            {
                _evictionLock.Exit();
            }
        }
    }
}
