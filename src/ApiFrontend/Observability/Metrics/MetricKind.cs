namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>How an instrument aggregates and which Prometheus type it is exported as.</summary>
internal enum MetricKind
{
    /// <summary><c>Counter&lt;T&gt;</c>: deltas summed; exported as <c>counter</c>.</summary>
    Counter,

    /// <summary><c>ObservableCounter&lt;T&gt;</c>: the callback reports the running total; exported as <c>counter</c>.</summary>
    ObservableCounter,

    /// <summary><c>UpDownCounter&lt;T&gt;</c>: deltas summed; exported as <c>gauge</c>.</summary>
    UpDownCounter,

    /// <summary><c>Gauge&lt;T&gt;</c>, <c>ObservableGauge&lt;T&gt;</c>, <c>ObservableUpDownCounter&lt;T&gt;</c>: last value; exported as <c>gauge</c>.</summary>
    Gauge,

    /// <summary><c>Histogram&lt;T&gt;</c>: fixed buckets, sum and count; exported as <c>histogram</c>.</summary>
    Histogram,
}
