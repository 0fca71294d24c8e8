using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace MindPeeker.Grains.Observability;

/// <summary>
/// PostgreSQL connection pool gauges on the <c>MindPeeker.Database</c> meter, read from Npgsql's own <c>Npgsql</c> meter
/// (<c>db.client.connection.count</c> by state and <c>db.client.connection.max</c>) and summed over this process's
/// pools: <c>database_connections_active</c> (connections in use), <c>database_connections_idle</c> (open, idle) and
/// <c>database_connections_max</c> (the pools' <c>Maximum Pool Size</c>, so alerts can compare usage to it). Npgsql's
/// labels (pool names carry connection-string parts) are dropped. Thread-safe.
/// </summary>
internal sealed class DatabaseConnectionMetrics : IHostedService, IDisposable
{
    public const string MeterName = "MindPeeker.Database";

    private const string NpgsqlMeter = "Npgsql";
    private const string CountInstrument = "db.client.connection.count";
    private const string MaxInstrument = "db.client.connection.max";
    private const string StateTag = "db.client.connection.state";

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private long _used;
    private long _idle;
    private long _max;
    private bool _pendingObservation;
    private bool _sawObservedCount;
    private bool _sawObservedMax;
    private long _observedUsed;
    private long _observedIdle;
    private long _observedMax;

    public DatabaseConnectionMetrics(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == NpgsqlMeter && instrument.Name is CountInstrument or MaxInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => OnMeasurement(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnMeasurement(instrument, value, tags));
        _listener.Start();
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("database_connections_active", () => Read().Used, description: "PostgreSQL connections in use by this process.");
        meter.CreateObservableGauge("database_connections_idle", () => Read().Idle, description: "Open idle PostgreSQL connections of this process's pools.");
        meter.CreateObservableGauge("database_connections_max", () => Read().Max, description: "Maximum pool size summed over this process's PostgreSQL pools.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    /// <summary>Asks Npgsql's observable instruments (observed values replace the previous ones) and returns the sums.</summary>
    public (long Used, long Idle, long Max) Read()
    {
        lock (_lock)
        {
            _pendingObservation = true;
            _observedUsed = _observedIdle = _observedMax = 0;
            _listener.RecordObservableInstruments();
            _pendingObservation = false;
            if (_sawObservedCount)
            {
                _used = _observedUsed;
                _idle = _observedIdle;
            }

            if (_sawObservedMax)
            {
                _max = _observedMax;
            }

            return (_used, _idle, _max);
        }
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var used = true;
        foreach (var tag in tags)
        {
            if (tag.Key == StateTag)
            {
                used = !string.Equals(tag.Value as string, "idle", StringComparison.Ordinal);
            }
        }

        lock (_lock)
        {
            var observed = instrument.IsObservable && _pendingObservation;
            switch (instrument.Name, observed)
            {
                case (MaxInstrument, true):
                    _sawObservedMax = true;
                    _observedMax += value;
                    break;
                case (MaxInstrument, false):
                    _max += value;
                    break;
                case (_, true):
                    _sawObservedCount = true;
                    _ = used ? _observedUsed += value : _observedIdle += value;
                    break;
                default:
                    _ = used ? _used += value : _idle += value;
                    break;
            }
        }
    }
}
