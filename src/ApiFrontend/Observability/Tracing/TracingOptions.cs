namespace MindPeeker.ApiFrontend.Observability.Tracing;

/// <summary>
/// <c>OpenTelemetry</c> settings. Traces are exported only when an OTLP endpoint is configured, here
/// (<c>OpenTelemetry:Otlp:Endpoint</c>) or through the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable; otherwise
/// no tracer provider exists, no activity listener is registered and the instrumented code creates no spans at all.
/// </summary>
public sealed class TracingOptions
{
    public const string SectionName = "OpenTelemetry";

    /// <summary>The <c>service.name</c> resource attribute; default <c>mindpeeker-frontend</c>, <c>mindpeeker-silo</c> on silos.</summary>
    public string? ServiceName { get; set; }

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Share of root traces kept, 0–1 (default 1: every trace); children follow their parent's decision.</summary>
    public double SamplingRatio { get; set; } = 1.0;
}

/// <summary>Where spans go.</summary>
public sealed class OtlpOptions
{
    /// <summary>Collector endpoint, for example <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>; with <c>http/protobuf</c> spans are posted to <c>{Endpoint}/v1/traces</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Extra request headers, <c>key1=value1,key2=value2</c> (for example an authorization header of the collector).</summary>
    public string? Headers { get; set; }
}
