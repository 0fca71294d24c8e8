using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Benchmarks.RealtimeLatency;

/// <summary>
/// <c>realtime-latency</c>: how long a session's change takes to reach <c>@microsoft/signalr</c>
/// clients. The real silo and front end run in this process on Kestrel over a fresh PostgreSQL
/// database; one user owns 1,000 finished sessions, all subscribed over a few WebSocket connections
/// by a Node process. Two measured phases, each an open-loop load at a fixed total rate (<c>--rate</c>,
/// default 500 updates/s: every session changes every 2 s; <c>--sessions</c>, <c>--connections</c>):
/// <list type="bullet">
/// <item><b>state change</b> (the RESULT): metadata changes through the session grains. Latency is from
/// the update's <c>timestamp</c>, taken by the grain from the server's clock when it changed the
/// session (before it persisted the change, projected it to PostgreSQL and published it), to arrival.</item>
/// <item><b>notify</b>: updates published straight to the notifier, timestamped at publish: the
/// notifier → observer → hub → client path alone.</item>
/// </list>
/// </summary>
internal static class RealtimeLatencyScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup, string[] args)
    {
        var sessions = (int)Option(args, "--sessions", 1000);
        var connections = (int)Option(args, "--connections", 10);
        var rate = Option(args, "--rate", 500);

        await using var database = await BenchmarkDatabase.CreateAsync();
        // Rate limiting is off: this scenario measures delivery, and 1,000 sessions of one user would be refused.
        await using var host = BenchmarkHost.Start(database.ConnectionString, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var (userId, token) = await RegisterAsync(http);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var ids = await CreateSessionsAsync(grains, userId, sessions);

        var sessionsFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(sessionsFile, JsonSerializer.Serialize(ids));
        var script = Path.Combine(AppContext.BaseDirectory, "RealtimeLatency", "realtime-latency.cjs");
        await using var clients = NodeClients.Start(script, host.BaseAddress, token, connections, sessionsFile);
        await clients.ExpectAsync("ready", Patience);
        File.Delete(sessionsFile);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"realtime-latency: {sessions} sessions subscribed over {connections} WebSocket connections (@microsoft/signalr, Node), {rate:0} updates/s, {duration.TotalSeconds:0} s per phase after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores"));
        var access = new SessionAccess(userId, IsAdmin: false);
        Func<int, int, Task> changeMetadata = (session, i) =>
            grains.GetGrain<ISessionGrain>(ids[session]).UpdateMetadata(access, JsonSerializer.SerializeToElement(new { benchmark = i }));

        await PacedLoad.RunAsync(sessions, rate, PacedLoad.ActionsPerSession(rate, sessions, warmup), changeMetadata);
        var stateChange = await MeasureAsync(clients, "state change -> client", sessions, rate, duration, changeMetadata);

        var notifier = grains.GetGrain<ISessionUpdateNotifierGrain>(0);
        var time = host.Services.GetRequiredService<TimeProvider>();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISessionGrain>(id).Get(access)));
        var sequences = snapshots.Select(s => s!.LastSequence).ToArray();
        var notify = await MeasureAsync(clients, "notifier -> client", sessions, rate, duration, (session, _) =>
        {
            var s = snapshots[session]!;
            return notifier.Publish(new SessionUpdate(
                s.Id, s.UserId, ++sequences[session], SessionEvents.Updated, s.Status, s.Progress, s.ResultCount, s.Error, time.GetUtcNow()));
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT realtime-latency p50_ms={stateChange.P50:0.00} p95_ms={stateChange.P95:0.00} p99_ms={stateChange.P99:0.00} sessions={sessions} notify_p50_ms={notify.P50:0.00} notify_p95_ms={notify.P95:0.00} notify_p99_ms={notify.P99:0.00} updates_per_sec={rate:0} connections={connections}"));
        return stateChange.Gaps + notify.Gaps == 0 ? 0 : 1;
    }

    private static async Task<LatencySummary> MeasureAsync(
        NodeClients clients, string name, int sessions, double rate, TimeSpan duration, Func<int, int, Task> action)
    {
        var perSession = PacedLoad.ActionsPerSession(rate, sessions, duration);
        await clients.SendAsync(new { command = "measure", phase = name, expected = perSession * sessions });
        var offset = (await clients.ExpectAsync("measuring", Patience)).GetProperty("clockOffsetMs").GetDouble();
        await PacedLoad.RunAsync(sessions, rate, perSession, action);
        var measured = await clients.ExpectAsync("measured", Patience);
        var summary = LatencySummary.From(
            [.. measured.GetProperty("latenciesUs").EnumerateArray().Select(l => l.GetInt64())],
            measured.GetProperty("gaps").GetInt32());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-24} {summary.Count,8:N0} updates  p50 {summary.P50,7:0.00} ms  p95 {summary.P95,7:0.00} ms  p99 {summary.P99,7:0.00} ms  max {summary.Max,8:0.00} ms  gaps/out-of-order {summary.Gaps}  (Node clock corrected by {offset:0.000} ms)"));
        return summary;
    }

    private static async Task<(Guid UserId, string Token)> RegisterAsync(HttpClient http)
    {
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        using var response = await http.PostAsJsonAsync("/v1/auth/register", new { email = name + "@example.com", username = name, password = "benchmark password 1234" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = body.RootElement.GetProperty("data");
        return (data.GetProperty("user").GetProperty("id").GetGuid(), data.GetProperty("token").GetString()!);
    }

    private static async Task<Guid[]> CreateSessionsAsync(IGrainFactory grains, Guid userId, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            var created = await grains.GetGrain<ISessionGrain>(id).Create(new CreateSession(
                userId, "A bridge over a river in fog", SessionTypes.RemoteViewing, new SessionParameters(0.5, []), null));
            if (created.Session is null)
            {
                throw new InvalidOperationException("Creating a benchmark session failed: " + JsonSerializer.Serialize(created.Errors));
            }
        });
        return ids;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
