using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Benchmarks.SessionCreation;

namespace MindPeeker.Benchmarks.ObservabilityOverhead;

/// <summary>
/// <c>observability-overhead</c>: <c>create-session</c> throughput on three sides: OFF (<c>Metrics:Enabled=false</c>, no
/// OTLP endpoint: no <c>MeterListener</c> and no <c>ActivityListener</c> in the process), METRICS (the collector
/// aggregating every instrument, one scrape of <c>/metrics</c> per round) and ON (metrics, plus every span of the front
/// end, grain calls and Npgsql sampled and exported over OTLP/HTTP to a sink in this process). Tracing is
/// process-wide, so the sides cannot share a process at the same time: each round starts a fresh host of one side on
/// the same database, warms it up and measures the closed-loop maximum and the process's CPU time per created
/// session; the order of the sides rotates from one set of rounds to the next so a drift in the machine's load
/// favours none.
/// </summary>
internal static class ObservabilityOverheadScenario
{
    private const int Concurrency = 32;
    private const int RoundSets = 2;

    private static readonly string MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private const string Body = """
        {"cue":"Describe the target: a tall structure near water, seen at dusk","session_type":"remote_viewing","parameters":{"confidence_threshold":0.5,"analysis_types":["visual","spatial"]},"metadata":{"source":"benchmark"}}
        """;

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        var adminEmail = $"admin{Guid.NewGuid():N}@example.com";
        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var sink = await OtlpSink.StartAsync();
        var failures = new FailureCounter();
        var rounds = new List<Round>();
        Side[] sides = [Side.Off, Side.Metrics, Side.On];
        Console.WriteLine($"observability-overhead: create-session closed loop ({Concurrency} callers), {RoundSets} rotations of off/metrics/on rounds of {duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores");
        // One unmeasured round first: the first host of the process pays for JIT compilation and tiering.
        await MeasureAsync(Side.Metrics, database.ConnectionString, sink, adminEmail, warmup, warmup, failures);
        for (var set = 0; set < RoundSets * sides.Length; set++)
        {
            var side = sides[(set + set / sides.Length) % sides.Length];
            rounds.Add(await MeasureAsync(side, database.ConnectionString, sink, adminEmail, duration, warmup, failures));
        }

        var (rpsOff, cpuOff) = Totals(rounds, Side.Off);
        var (rpsMetrics, cpuMetrics) = Totals(rounds, Side.Metrics);
        var (rpsOn, cpuOn) = Totals(rounds, Side.On);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT observability-overhead sessions_per_s_off={rpsOff:0} sessions_per_s_metrics={rpsMetrics:0} sessions_per_s_on={rpsOn:0} "
            + $"throughput_change_metrics_percent={(rpsMetrics - rpsOff) / rpsOff * 100:0.0} throughput_change_on_percent={(rpsOn - rpsOff) / rpsOff * 100:0.0} "
            + $"cpu_ms_per_session_off={cpuOff * 1000:0.000} cpu_ms_per_session_metrics={cpuMetrics * 1000:0.000} cpu_ms_per_session_on={cpuOn * 1000:0.000} "
            + $"cpu_overhead_metrics_percent={(cpuMetrics - cpuOff) / cpuOff * 100:0.0} cpu_overhead_on_percent={(cpuOn - cpuOff) / cpuOff * 100:0.0} "
            + $"otlp_exports={sink.Exports} otlp_bytes={sink.Bytes} metrics_families={rounds.Where(r => r.Side != Side.Off).Min(r => r.MetricFamilies)} failures={failures}"));
        return failures.Count == 0 && sink.Exports > 0 && rounds.Where(r => r.Side != Side.Off).All(r => r.MetricFamilies > 0) ? 0 : 1;
    }

    private static (double SessionsPerSecond, double CpuSecondsPerSession) Totals(List<Round> rounds, Side side)
    {
        var of = rounds.Where(r => r.Side == side).ToList();
        return (of.Sum(r => r.Sessions) / of.Sum(r => r.WallSeconds), of.Sum(r => r.CpuSeconds) / of.Sum(r => r.Sessions));
    }

    private static async Task<Round> MeasureAsync(Side side, string connectionString, OtlpSink sink, string adminEmail, TimeSpan duration, TimeSpan warmup, FailureCounter failures)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:SessionCreation:PermitLimit"] = "1000000",
            ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
            ["Identity:AdminEmails:0"] = adminEmail,
            ["Metrics:Enabled"] = side == Side.Off ? "false" : "true",

            // The host runs as Production, which needs a master key for secrets at rest.
            ["Integrations:Credentials:MasterKeys:1"] = MasterKey,
        };
        if (side == Side.On)
        {
            settings["OpenTelemetry:Otlp:Endpoint"] = sink.Address.ToString();
            settings["OpenTelemetry:Otlp:Protocol"] = "http/protobuf";
        }

        await using var host = BenchmarkHost.Start(connectionString, settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 4 }) { BaseAddress = host.BaseAddress };
        var apiKey = await SignUpAsync(http, $"bench{Guid.NewGuid():N}@example.com", createKey: true);
        Task Send() => SendAsync(http, apiKey, failures);
        await HttpLoad.ClosedLoopAsync(Concurrency, warmup, Send);

        GC.Collect();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var result = await HttpLoad.ClosedLoopAsync(Concurrency, duration, Send);
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var families = side == Side.Off ? 0 : await CountFamiliesAsync(http, adminEmail);
        var round = new Round(side, result.Calls, cpu, result.Elapsed.TotalSeconds, families);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  observability {side,-7} {result.CallsPerSecond,7:0} sessions/s  cpu {cpu / result.Calls * 1000,7:0.000} ms/session  p99 {result.Latency.QuantileMicroseconds(0.99) / 1000,7:0.0} ms"));
        return round;
    }

    /// <summary>Scrapes <c>/metrics</c> as the administrator, as Prometheus would, and counts the families.</summary>
    private static async Task<int> CountFamiliesAsync(HttpClient http, string adminEmail)
    {
        using var login = await http.PostAsJsonAsync("/v1/auth/login", new { email = adminEmail, password = "benchmark password 1234" });
        string token;
        if (login.StatusCode == HttpStatusCode.OK)
        {
            using var answer = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            token = answer.RootElement.GetProperty("data").GetProperty("token").GetString()!;
        }
        else
        {
            token = await SignUpAsync(http, adminEmail, createKey: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        return text.Split('\n').Count(line => line.StartsWith("# TYPE ", StringComparison.Ordinal));
    }

    /// <summary>Registers <paramref name="email"/>; returns an API key allowed to create sessions, or the account's JWT.</summary>
    private static async Task<string> SignUpAsync(HttpClient http, string email, bool createKey)
    {
        var name = "bench" + Guid.NewGuid().ToString("N")[..10];
        using var register = await http.PostAsJsonAsync("/v1/auth/register", new { email, username = name, password = "benchmark password 1234" });
        using var registered = JsonDocument.Parse(await register.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var token = registered.RootElement.GetProperty("data").GetProperty("token").GetString()!;
        if (!createKey)
        {
            return token;
        }

        using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys")
        {
            Content = JsonContent.Create(new
            {
                name = "benchmark",
                permissions = new[] { new { resource = "sessions", actions = new[] { "*" } } },
                rate_limit_per_minute = 1_000_000,
            }),
        };
        keyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var key = await http.SendAsync(keyRequest);
        using var created = JsonDocument.Parse(await key.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return created.RootElement.GetProperty("data").GetProperty("key").GetString()!;
    }

    private static async Task SendAsync(HttpClient http, string apiKey, FailureCounter failures)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", apiKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            failures.Add(response.StatusCode);
        }
    }

    /// <summary>What a round runs with.</summary>
    private enum Side
    {
        Off,
        Metrics,
        On,
    }

    /// <summary>One measured round: its side, sessions created, process CPU and wall seconds, and the metric families scraped (0 when off).</summary>
    private sealed record Round(Side Side, long Sessions, double CpuSeconds, double WallSeconds, int MetricFamilies);
}
