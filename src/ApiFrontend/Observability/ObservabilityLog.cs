using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Observability;

/// <summary>Log events 9000–9099 of metrics, tracing and structured logging.</summary>
internal static partial class ObservabilityLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Metrics scrape listener started on {Address} (GET /metrics, no authentication)")]
    public static partial void MetricsListenerStarted(ILogger logger, string address);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Traces are exported over OTLP to {Endpoint} ({Protocol})")]
    public static partial void TracingExportEnabled(ILogger logger, string endpoint, string protocol);
}
