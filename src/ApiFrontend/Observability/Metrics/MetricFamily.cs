using System.Globalization;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// Everything exported for one instrument: its Prometheus name, help, type and one <see cref="MetricSeries"/> per
/// label combination. Recording looks the series up by an order-independent hash of the tags and compares the tag
/// objects themselves, so a measurement whose series exists allocates nothing. At most
/// <see cref="MaxSeries"/> label combinations are kept; measurements for further ones are dropped (and counted in
/// <see cref="DroppedMeasurements"/>), which bounds memory if an instrument is ever given an unbounded label.
/// Thread-safe: one lock per family, held only to update numbers.
/// </summary>
internal sealed class MetricFamily
{
    public const int MaxSeries = 2000;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, MetricSeries> _byHash = [];
    private readonly List<MetricSeries> _all = [];
    private long _dropped;

    public MetricFamily(string name, string help, MetricKind kind, double[] bounds)
    {
        Name = name;
        Help = help;
        Kind = kind;
        Bounds = kind == MetricKind.Histogram ? bounds : [];
    }

    /// <summary>The exported name (for counters with the <c>_total</c> suffix).</summary>
    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    /// <summary>Histogram bucket upper bounds, ascending; empty for other kinds.</summary>
    public double[] Bounds { get; }

    public long DroppedMeasurements => Interlocked.Read(ref _dropped);

    public bool IsObservable => Kind is MetricKind.ObservableCounter || (Kind == MetricKind.Gauge && ObservableGauge);

    /// <summary>True for observable gauges and observable up-down counters (values reported on each scrape).</summary>
    public bool ObservableGauge { get; init; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = Hash(tags);
        lock (_lock)
        {
            var series = FindLocked(hash, tags) ?? AddLocked(hash, tags);
            if (series is null)
            {
                _dropped++;
                return;
            }

            switch (Kind)
            {
                case MetricKind.Counter or MetricKind.UpDownCounter:
                    series.Value += value;
                    break;
                case MetricKind.ObservableCounter or MetricKind.Gauge:
                    series.Value = value;
                    series.Observed = true;
                    break;
                case MetricKind.Histogram:
                    var bucket = Array.BinarySearch(Bounds, value);
                    series.BucketCounts[bucket >= 0 ? bucket : ~bucket]++;
                    series.Value += value;
                    series.Count++;
                    break;
            }
        }
    }

    /// <summary>Before an observable instrument is asked again: marks its series unobserved.</summary>
    public void BeginObservation()
    {
        lock (_lock)
        {
            foreach (var series in _all)
            {
                series.Observed = false;
            }
        }
    }

    /// <summary>A consistent copy of the series, sorted by labels; for observable families only those seen in the last observation.</summary>
    public IReadOnlyList<MetricSeries> Snapshot()
    {
        var copy = new List<MetricSeries>();
        lock (_lock)
        {
            foreach (var series in _all)
            {
                if (IsObservable && !series.Observed)
                {
                    continue;
                }

                var clone = new MetricSeries(series.Labels, series.Tags, Bounds.Length) { Value = series.Value, Count = series.Count };
                series.BucketCounts.CopyTo(clone.BucketCounts, 0);
                copy.Add(clone);
            }
        }

        copy.Sort(static (a, b) => CompareLabels(a.Labels, b.Labels));
        return copy;
    }

    private MetricSeries? FindLocked(int hash, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        for (var series = _byHash.GetValueOrDefault(hash); series is not null; series = series.Next)
        {
            if (Matches(series, tags))
            {
                return series;
            }
        }

        return null;
    }

    private MetricSeries? AddLocked(int hash, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_all.Count >= MaxSeries)
        {
            return null;
        }

        var recorded = tags.ToArray();
        Array.Sort(recorded, static (a, b) => string.CompareOrdinal(PrometheusNames.Sanitize(a.Key), PrometheusNames.Sanitize(b.Key)));
        var labels = new KeyValuePair<string, string>[recorded.Length];
        for (var i = 0; i < recorded.Length; i++)
        {
            labels[i] = new(PrometheusNames.Sanitize(recorded[i].Key), Format(recorded[i].Value));
        }

        var series = new MetricSeries(labels, recorded, Bounds.Length) { Next = _byHash.GetValueOrDefault(hash) };
        _byHash[hash] = series;
        _all.Add(series);
        return series;
    }

    private static bool Matches(MetricSeries series, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var recorded = series.Tags;
        if (recorded.Length != tags.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            var found = false;
            foreach (var candidate in recorded)
            {
                if (string.Equals(candidate.Key, tag.Key, StringComparison.Ordinal))
                {
                    found = Equals(candidate.Value, tag.Value);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            // Sum: the same tags in any order hash alike.
            hash += HashCode.Combine(tag.Key, tag.Value);
        }

        return hash;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static int CompareLabels(KeyValuePair<string, string>[] a, KeyValuePair<string, string>[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var byKey = string.CompareOrdinal(a[i].Key, b[i].Key);
            if (byKey != 0)
            {
                return byKey;
            }

            var byValue = string.CompareOrdinal(a[i].Value, b[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
