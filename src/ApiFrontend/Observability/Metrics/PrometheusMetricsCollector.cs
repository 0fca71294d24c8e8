using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// Aggregates this process's MindPeeker instruments for <c>GET /metrics</c>: a <see cref="MeterListener"/> enables
/// every instrument of a meter whose name starts with <c>MindPeeker</c> (or is listed in <see cref="MetricsOptions.ExtraMeters"/>)
/// and that was created by this host's <see cref="IMeterFactory"/> or with no factory at all, so two hosts in one
/// process (tests) keep their numbers apart. Counters and up-down counters are summed, histograms counted into
/// fixed buckets (<see cref="HistogramBounds"/>), gauges keep their last value; observable instruments are asked
/// on each scrape (nothing is listened to when <see cref="MetricsOptions.Enabled"/> is false). Counters are exported with the <c>_total</c> suffix. Recording costs a hash, a dictionary
/// lookup and a short lock, and allocates nothing once a label combination exists. Thread-safe; one per host.
/// </summary>
internal sealed class PrometheusMetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly IMeterFactory _meterFactory;
    private readonly string[] _extraMeters;
    private readonly Lock _scrapeLock = new();

    public PrometheusMetricsCollector(IMeterFactory meterFactory, IOptions<MetricsOptions> options)
    {
        _meterFactory = meterFactory;
        _extraMeters = [.. options.Value.ExtraMeters];
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        if (options.Value.Enabled)
        {
            _listener.Start();
        }
    }

    /// <summary>Names of the families exported so far (sorted).</summary>
    public IReadOnlyList<string> FamilyNames => [.. _families.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Asks the observable instruments and renders every family with at least one series.</summary>
    public string Scrape()
    {
        var output = new StringBuilder(16 * 1024);
        lock (_scrapeLock)
        {
            foreach (var family in _families.Values)
            {
                if (family.IsObservable)
                {
                    family.BeginObservation();
                }
            }

            _listener.RecordObservableInstruments();
            foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                PrometheusTextFormat.Write(output, family, family.Snapshot());
            }
        }

        return output.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (meter.Scope is not null && !ReferenceEquals(meter.Scope, _meterFactory))
        {
            return;
        }

        if (!meter.Name.StartsWith("MindPeeker", StringComparison.Ordinal) && !_extraMeters.Contains(meter.Name, StringComparer.Ordinal))
        {
            return;
        }

        if (KindOf(instrument) is not { } kind)
        {
            return;
        }

        var name = kind is MetricKind.Counter or MetricKind.ObservableCounter
            ? PrometheusNames.CounterName(instrument.Name)
            : PrometheusNames.Sanitize(instrument.Name);
        var family = _families.GetOrAdd(name, static (key, arguments) => new MetricFamily(
            key,
            arguments.instrument.Description ?? arguments.instrument.Name,
            arguments.kind,
            arguments.kind == MetricKind.Histogram ? HistogramBounds.For(arguments.instrument) : [])
        {
            ObservableGauge = arguments.instrument.IsObservable && arguments.kind == MetricKind.Gauge,
        }, (instrument, kind));
        if (family.Kind == kind)
        {
            listener.EnableMeasurementEvents(instrument, family);
        }
    }

    private static MetricKind? KindOf(Instrument instrument)
    {
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
        if (definition == typeof(Counter<>))
        {
            return MetricKind.Counter;
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return MetricKind.ObservableCounter;
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return MetricKind.UpDownCounter;
        }

        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        if (definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>))
        {
            return MetricKind.Gauge;
        }

        return null;
    }
}
