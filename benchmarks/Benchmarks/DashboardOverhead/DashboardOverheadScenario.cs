using System.Globalization;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Benchmarks.SessionCreation;

namespace MindPeeker.Benchmarks.DashboardOverhead;

/// <summary>
/// <c>dashboard-overhead</c>: what the dashboard's collection pipeline (call statistics filter on every grain call,
/// per-silo aggregation, 1 s collection and push to one connected admin) costs at the <c>create-session</c> load.
/// Two silos with co-hosted front ends run in this process, each on a database of its own: one with <c>Dashboard:Enabled=true</c>
/// and an admin hub client connected, one with <c>Dashboard:Enabled=false</c>. After finding the OFF side's
/// closed-loop maximum, the same paced load (<see cref="LoadShare"/> of it) is sent in alternating rounds to ON and
/// OFF; each round measures the process's CPU time per created session. Both hosts exist during every round, so
/// their idle costs (and the load generator's) are the same on both sides.
/// </summary>
internal static class DashboardOverheadScenario
{
    private const int Concurrency = 32;
    private const int RoundPairs = 6;
    private const double LoadShare = 0.5;


    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        var adminEmail = $"admin{Guid.NewGuid():N}@example.com";
        // A database each, so neither silo's grains (the session hub list, say) ever see the other cluster.
        await using var onDatabase = await BenchmarkDatabase.CreateAsync();
        await using var offDatabase = await BenchmarkDatabase.CreateAsync();
        await using var on = BenchmarkHost.Start(onDatabase.ConnectionString, Settings(enabled: true, adminEmail));
        await using var off = BenchmarkHost.Start(offDatabase.ConnectionString, Settings(enabled: false, adminEmail));
        using var onHttp = Client(on.BaseAddress);
        using var offHttp = Client(off.BaseAddress);
        var apiKeys = new Dictionary<HttpClient, string>
        {
            [onHttp] = await BenchmarkAccounts.SessionKeyOfNewUserAsync(onHttp),
            [offHttp] = await BenchmarkAccounts.SessionKeyOfNewUserAsync(offHttp),
        };
        var (_, adminToken) = await BenchmarkAccounts.RegisterAsync(onHttp, adminEmail);
        await using var dashboard = await AdminHubListener.ConnectAsync(on.BaseAddress, adminToken);
        var failures = new FailureCounter();
        Func<Task> Send(HttpClient http) => () => SessionRequests.CreateAsync(http, apiKeys[http], failures);

        Console.WriteLine($"dashboard-overhead: create-session load at {LoadShare:P0} of the maximum, {RoundPairs} alternating ON/OFF rounds of {duration.TotalSeconds:0} s, {Environment.ProcessorCount} cores");
        await HttpLoad.ClosedLoopAsync(Concurrency, warmup, Send(onHttp));
        await HttpLoad.ClosedLoopAsync(Concurrency, warmup, Send(offHttp));
        var maximum = await HttpLoad.ClosedLoopAsync(Concurrency, duration, Send(offHttp));
        var rate = LoadShare * maximum.CallsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  maximum (dashboard off) {maximum.CallsPerSecond:0} sessions/s; paced load {rate:0} sessions/s"));

        // One unrecorded pair first: right after the closed-loop maximum the database and the JIT are still settling,
        // and the first round measured used to read 30 % above every later one on either side.
        await MeasureAsync(rate, duration, Send(onHttp), "on (warm-up, not counted)", on.Services);
        await MeasureAsync(rate, duration, Send(offHttp), "off (warm-up, not counted)", on.Services);
        var onRounds = new List<Round>();
        var offRounds = new List<Round>();
        for (var pair = 0; pair < RoundPairs; pair++)
        {
            // Alternate which side goes first, so a drift in the machine's load favours neither.
            var first = pair % 2 == 0;
            var a = await MeasureAsync(rate, duration, Send(first ? onHttp : offHttp), first ? "on" : "off", on.Services);
            var b = await MeasureAsync(rate, duration, Send(first ? offHttp : onHttp), first ? "off" : "on", on.Services);
            (first ? onRounds : offRounds).Add(a);
            (first ? offRounds : onRounds).Add(b);
        }

        var cpuOn = onRounds.Sum(r => r.CpuSeconds) / onRounds.Sum(r => r.Sessions);
        var cpuOff = offRounds.Sum(r => r.CpuSeconds) / offRounds.Sum(r => r.Sessions);
        var overhead = (cpuOn - cpuOff) / cpuOff * 100;
        var addedMachinePercent = (onRounds.Sum(r => r.CpuSeconds) - offRounds.Sum(r => r.CpuSeconds)) / onRounds.Sum(r => r.WallSeconds) / Environment.ProcessorCount * 100;
        var throughputOn = onRounds.Sum(r => r.Sessions) / onRounds.Sum(r => r.WallSeconds);
        var throughputOff = offRounds.Sum(r => r.Sessions) / offRounds.Sum(r => r.WallSeconds);
        // The same pipeline measured part by part (robust to the machine's noise): filter CPU per call times the grain
        // calls a session makes, plus one collection-and-push per second spread over the sessions of that second.
        var callsPerSession = (double)onRounds.Sum(r => r.GrainCalls) / onRounds.Sum(r => r.Sessions);
        var filterNanoseconds = PipelineCost.FilterNanosecondsPerCall();
        var collectionMilliseconds = await PipelineCost.CollectionMillisecondsAsync(on.Services, collections: 50);
        var partsMilliseconds = (callsPerSession * filterNanoseconds / 1e6) + (collectionMilliseconds / rate);
        var partsPercent = partsMilliseconds / (cpuOff * 1000) * 100;
        var pairwise = onRounds.Zip(offRounds, (x, y) => (x.CpuPerSession - y.CpuPerSession) / y.CpuPerSession * 100).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT dashboard-overhead cpu_ms_per_session_on={cpuOn * 1000:0.000} cpu_ms_per_session_off={cpuOff * 1000:0.000} overhead_percent={overhead:0.00} "
            + $"median_pair_overhead_percent={(pairwise[(pairwise.Count - 1) / 2] + pairwise[pairwise.Count / 2]) / 2:0.00} added_machine_cpu_percent={addedMachinePercent:0.00} "
            + $"sessions_per_s_on={throughputOn:0} sessions_per_s_off={throughputOff:0} load_rps={rate:0} snapshots_pushed={dashboard.Snapshots} failures={failures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT dashboard-overhead-parts grain_calls_per_session={callsPerSession:0.0} filter_ns_per_call={filterNanoseconds:0} collection_and_push_ms={collectionMilliseconds:0.000} "
            + $"pipeline_cpu_ms_per_session={partsMilliseconds:0.0000} pipeline_overhead_percent={partsPercent:0.000}"));
        return failures.Count == 0 && dashboard.Snapshots > 0 ? 0 : 1;
    }

    private static async Task<Round> MeasureAsync(double rate, TimeSpan duration, Func<Task> send, string side, IServiceProvider onServices)
    {
        GC.Collect();
        var callsBefore = PipelineCost.CallsSoFar(onServices);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var result = await HttpLoad.PacedAsync(rate, duration, send);
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var round = new Round(result.Calls, cpu, result.Elapsed.TotalSeconds, PipelineCost.CallsSoFar(onServices) - callsBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  dashboard {side} {result.CallsPerSecond,7:0} sessions/s  cpu {round.CpuPerSession * 1000,7:0.000} ms/session  p99 {result.Latency.QuantileMicroseconds(0.99) / 1000,7:0.0} ms"));
        return round;
    }


    private static Dictionary<string, string?> Settings(bool enabled, string adminEmail) => new()
    {
        ["RateLimiting:SessionCreation:PermitLimit"] = "1000000",
        ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
        ["Identity:AdminEmails:0"] = adminEmail,
        ["Dashboard:Enabled"] = enabled ? "true" : "false",
    };

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 4 }) { BaseAddress = baseAddress };



    /// <summary>One measured round: sessions created, process CPU seconds and wall seconds it took, grain calls the ON silo counted.</summary>
    private sealed record Round(long Sessions, double CpuSeconds, double WallSeconds, long GrainCalls)
    {
        public double CpuPerSession => CpuSeconds / Sessions;
    }
}
