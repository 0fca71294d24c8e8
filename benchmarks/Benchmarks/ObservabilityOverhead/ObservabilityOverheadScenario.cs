using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
        };
        if (side == Side.On)
        {
            settings["OpenTelemetry:Otlp:Endpoint"] = sink.Address.ToString();
            settings["OpenTelemetry:Otlp:Protocol"] = "http/protobuf";
        }

        await using var host = BenchmarkHost.Start(connectionString, settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 4 }) { BaseAddress = host.BaseAddress };
        var apiKey = await BenchmarkAccounts.SessionKeyOfNewUserAsync(http);
        Task Send() => SessionRequests.CreateAsync(http, apiKey, failures);
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
        using var login = await http.PostAsJsonAsync("/v1/auth/login", new { email = adminEmail, password = BenchmarkAccounts.Password });
        string token;
        if (login.StatusCode == HttpStatusCode.OK)
        {
            using var answer = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
            token = answer.RootElement.GetProperty("data").GetProperty("token").GetString()!;
        }
        else
        {
            (_, token) = await BenchmarkAccounts.RegisterAsync(http, adminEmail);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        return text.Split('\n').Count(line => line.StartsWith("# TYPE ", StringComparison.Ordinal));
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
