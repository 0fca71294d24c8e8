using System.Diagnostics.Metrics;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// The cache's instruments on the <c>MindPeeker.Cache</c> meter: <c>cache_hits_total</c> (tag <c>level</c>: memory or
/// redis), <c>cache_misses_total</c> (found in no level, then computed, or waited for the computation of the same key)
/// and the observable gauge <c>cache_hit_ratio</c> (hits ÷ lookups since start, 0–1; nothing is reported before the
/// first lookup). Thread-safe.
/// </summary>
public sealed class CacheMetrics
{
    public const string MeterName = "MindPeeker.Cache";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private long _hitCount;
    private long _missCount;

    public CacheMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _hits = Meter.CreateCounter<long>("cache_hits_total", description: "Cache lookups answered by a level.");
        _misses = Meter.CreateCounter<long>("cache_misses_total", description: "Cache lookups no level could answer.");
        Meter.CreateObservableGauge("cache_hit_ratio", ObserveHitRatio, description: "Share of cache lookups answered from the cache since start.");
    }

    /// <summary>The meter the instruments belong to (one per service provider).</summary>
    public Meter Meter { get; }

    /// <summary>Lookups answered by a level since start.</summary>
    public long Hits => Interlocked.Read(ref _hitCount);

    /// <summary>Lookups no level answered since start.</summary>
    public long Misses => Interlocked.Read(ref _missCount);

    /// <summary>Hits ÷ lookups since start (0–1), or null before the first lookup.</summary>
    public double? HitRatio
    {
        get
        {
            var hits = Hits;
            var total = hits + Misses;
            return total == 0 ? null : (double)hits / total;
        }
    }

    internal void Hit(string level)
    {
        Interlocked.Increment(ref _hitCount);
        _hits.Add(1, new KeyValuePair<string, object?>("level", level));
    }

    internal void Miss()
    {
        Interlocked.Increment(ref _missCount);
        _misses.Add(1);
    }

    private IEnumerable<Measurement<double>> ObserveHitRatio() =>
        HitRatio is { } ratio ? [new Measurement<double>(ratio)] : [];
}
