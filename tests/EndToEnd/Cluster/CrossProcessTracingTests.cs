using System.Diagnostics;
using System.Net;
using System.Text;
using MindPeeker.TestSupport.Observability;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// One trace crosses process boundaries: a silo (no front end) and a standalone front end both export spans over
/// OTLP/HTTP to one real receiver in the test process. A session created through the front end with a caller's
/// <c>traceparent</c> shows up under that trace id in the front end's exports (HTTP server and grain call client spans)
/// and in the silo's (grain call server span and the Npgsql commands it runs): the W3C context travelled inside the
/// grain call's request context over the cluster wire.
/// </summary>
public sealed class CrossProcessTracingTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private const string FrontEndService = "mindpeeker-frontend";
    private const string SiloService = "mindpeeker-silo";
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_callers_trace_id_reaches_the_otlp_exports_of_both_the_front_end_and_the_silo()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var tracing = new Dictionary<string, string>
        {
            ["OpenTelemetry__Otlp__Endpoint"] = receiver.Address.ToString(),
            ["OpenTelemetry__Otlp__Protocol"] = "http/protobuf",
            // The batch exporter's flush interval (standard OTel variable, default 5000 ms).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        var cluster = NewCluster();
        await WithProcessOutputAsync(cluster, async () =>
        {
            await cluster.StartSiloAsync("silo-1", "cpu", tracing);
            var frontEnd = await cluster.StartFrontEndAsync("frontend", tracing);
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress);

            var traceId = ActivityTraceId.CreateRandom();
            var request = user.CreateSession(frontEnd.BaseAddress);
            request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            var session = await ApiUser.SendAsync(cluster.Http, request, HttpStatusCode.Created);
            Output.WriteLine($"session {session.GetProperty("id").GetString()} created under trace {traceId.ToHexString()}");

            var traceBytes = Convert.FromHexString(traceId.ToHexString());
            await Poll.UntilAsync(
                () => Task.FromResult(
                    ExportsOf(receiver, FrontEndService, traceBytes).Count > 0
                    && ExportsOf(receiver, SiloService, traceBytes) is { Count: > 0 } silo
                    && silo.Any(body => Contains(body, "MindPeeker.GrainCalls"))
                    && silo.Any(body => Contains(body, "Npgsql"))),
                ExportTimeout,
                () => $"spans of trace {traceId.ToHexString()} from both processes; {receiver.Exports.Count} exports received, "
                    + $"{ExportsOf(receiver, FrontEndService, traceBytes).Count} from the front end and "
                    + $"{ExportsOf(receiver, SiloService, traceBytes).Count} from the silo carry the trace id");

            ExportsOf(receiver, FrontEndService, traceBytes).Should().NotBeEmpty("the front end exports its HTTP and grain-call client spans");
            ExportsOf(receiver, SiloService, traceBytes).Should().NotBeEmpty("the silo continues the trace from the call's request context");
            receiver.Exports.Should().OnlyContain(export => export.ContentType == "application/x-protobuf");
        });
    }

    /// <summary>Bodies exported by <paramref name="service"/> (its <c>service.name</c> resource string) that carry <paramref name="traceId"/> (a <c>bytes</c> field, so the raw 16 bytes).</summary>
    private static List<byte[]> ExportsOf(OtlpReceiver receiver, string service, byte[] traceId) =>
        [.. receiver.Exports.Select(e => e.Body).Where(body => Contains(body, service) && body.AsSpan().IndexOf(traceId) >= 0)];

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
