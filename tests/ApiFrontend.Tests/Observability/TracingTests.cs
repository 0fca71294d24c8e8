using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MindPeeker.ApiFrontend.Observability.Tracing;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.TestSupport;
using MindPeeker.TestSupport.Observability;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// One HTTP request that creates a session is one trace: the front end's request span, the grain call's client span,
/// the activation's server span (continued from the trace context in the call's request context) and the PostgreSQL
/// commands the grain runs, all under the caller's trace id; and the spans reach a real OTLP/HTTP receiver as protobuf.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private OtlpReceiver _receiver = null!;
    private SessionHost _host = null!;
    private TestAccount _account = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await OtlpReceiver.StartAsync();
        _host = new SessionHost(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["OpenTelemetry:Otlp:Endpoint"] = _receiver.Address.ToString(),
            ["OpenTelemetry:Otlp:Protocol"] = "http/protobuf",
        });
        using var client = _host.CreateClient();
        _account = await TestAccounts.RegisterAsync(client, "tracing");
    }

    [Fact]
    public async Task Creating_a_session_is_one_trace_from_http_through_grain_calls_to_postgresql_and_is_exported_over_otlp()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var spans = new SpanCollector(traceId, ActivitySourceNames.All);
        using var client = _host.CreateClient().WithBearer(_account);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = JsonContent.Create(SessionRequests.Body()) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{callerSpan.ToHexString()}-01");

        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        await spans.WaitUntilAsync(all => DatabaseSpanUnderGrainServer(all) is not null && all.Any(s => s.Source.Name == ActivitySourceNames.AspNetCore), TimeSpan.FromSeconds(30));

        var all = spans.Spans;
        var http = all.Single(s => s.Source.Name == ActivitySourceNames.AspNetCore);
        http.ParentSpanId.Should().Be(callerSpan, "the front end continues the caller's traceparent");
        http.DisplayName.Should().Be("POST /v1/sessions");
        var database = DatabaseSpanUnderGrainServer(all)!;
        var server = Ancestors(all, database).First(s => s.Source.Name == ActivitySourceNames.GrainCalls && s.Kind == ActivityKind.Server);
        var callerSpanOfServer = all.Single(s => s.SpanId == server.ParentSpanId);
        callerSpanOfServer.Source.Name.Should().Be(ActivitySourceNames.GrainCalls);
        callerSpanOfServer.Kind.Should().Be(ActivityKind.Client);
        callerSpanOfServer.DisplayName.Should().Be(server.DisplayName, "both ends name the grain method");
        Ancestors(all, callerSpanOfServer).Should().Contain(http, "the grain call is made while the HTTP request is handled");
        server.GetTagItem("rpc.system").Should().Be("mindpeeker");

        await _host.DisposeAsync();
        var traceBytes = Convert.FromHexString(traceId.ToHexString());
        _receiver.Exports.Where(export => export.ContentType == "application/x-protobuf" && Contains(export.Body, traceBytes))
            .Should().NotBeEmpty("stopping the host flushes the spans of the trace to the OTLP endpoint");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static bool Contains(byte[] body, byte[] bytes) => body.AsSpan().IndexOf(bytes) >= 0;

    private static Activity? DatabaseSpanUnderGrainServer(IReadOnlyList<Activity> spans) =>
        spans.FirstOrDefault(s => s.Source.Name == ActivitySourceNames.Npgsql
            && Ancestors(spans, s).Any(a => a.Source.Name == ActivitySourceNames.GrainCalls && a.Kind == ActivityKind.Server
                && spans.Any(c => c.SpanId == a.ParentSpanId && c.Kind == ActivityKind.Client)));

    private static IEnumerable<Activity> Ancestors(IReadOnlyList<Activity> spans, Activity span)
    {
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }
}
