using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MindPeeker.ApiFrontend.Observability.Tracing;

/// <summary>
/// Owns the OpenTelemetry tracer provider while the host runs: built on start when an OTLP endpoint is configured
/// (<see cref="TracingOptions"/>), flushed and disposed on stop. Without an endpoint it does nothing, so no
/// <see cref="System.Diagnostics.ActivityListener"/> exists and <c>ActivitySource.StartActivity</c> returns null everywhere.
/// </summary>
internal sealed class TracingExporter(
    IOptions<TracingOptions> options,
    IConfiguration configuration,
    ILogger<TracingExporter> logger) : IHostedService, IDisposable
{
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private TracerProvider? _provider;

    /// <summary>Whether spans are exported.</summary>
    public bool IsEnabled => _provider is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.Otlp.Endpoint
            ?? (Uri.TryCreate(configuration[StandardEndpointVariable], UriKind.Absolute, out var standard) ? standard : null);
        if (endpoint is null)
        {
            return Task.CompletedTask;
        }

        var http = string.Equals(settings.Otlp.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);
        var serviceName = settings.ServiceName ?? "mindpeeker";
        _provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName))
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)))
            .AddSource([.. ActivitySourceNames.All])
            .AddOtlpExporter(otlp =>
            {
                otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                otlp.Endpoint = http ? new Uri(endpoint, "v1/traces") : endpoint;
                if (settings.Otlp.Headers is { } headers)
                {
                    otlp.Headers = headers;
                }
            })
            .Build();
        ObservabilityLog.TracingExportEnabled(logger, endpoint.ToString(), http ? "http/protobuf" : "grpc");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();
}
