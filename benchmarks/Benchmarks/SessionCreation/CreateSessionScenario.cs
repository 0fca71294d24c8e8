using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Benchmarks.Hosting;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>
/// <c>create-session</c>: sustained <c>POST /v1/sessions</c> over real HTTP (Kestrel on loopback) with
/// API-key authentication and rate limiting on, against a baseline endpoint in the same process that
/// only inserts the same row with Npgsql. Each side: a closed loop of <see cref="Concurrency"/> callers
/// finds its maximum throughput; then an open loop at 70 % of that maximum gives the latency.
/// </summary>
internal static class CreateSessionScenario
{
    private const int Concurrency = 32;

    /// <summary>Rate limiting stays on; its limits are raised so the check runs but never refuses.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["RateLimiting:SessionCreation:PermitLimit"] = "1000000",
        ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
    };


    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var host = BenchmarkHost.Start(database.ConnectionString, Settings, services => services.AddSingleton<IStartupFilter, BaselineInsertEndpoint>());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 4 }) { BaseAddress = host.BaseAddress };
        var (userId, token) = await BenchmarkAccounts.RegisterAsync(http, $"bench{Guid.NewGuid():N}@example.com");
        var apiKey = await BenchmarkAccounts.CreateSessionKeyAsync(http, token);
        var failures = new FailureCounter();

        Task SendSession() => SessionRequests.CreateAsync(http, apiKey, failures);
        Task SendBaseline() => SessionRequests.PostAsync(http, BaselineInsertEndpoint.Path, r => r.Headers.Add("X-Bench-User", userId.ToString()), failures);

        Console.WriteLine($"create-session: {Concurrency} closed-loop callers for the maximum, then 70 % of it open-loop; {duration.TotalSeconds:0} s per phase, {Environment.ProcessorCount} cores");
        await HttpLoad.ClosedLoopAsync(Concurrency, warmup, SendBaseline);
        await HttpLoad.ClosedLoopAsync(Concurrency, warmup, SendSession);

        var baselineMax = Report("baseline max (Npgsql insert only)", await HttpLoad.ClosedLoopAsync(Concurrency, duration, SendBaseline));
        var baselinePaced = Report("baseline at 70 %", await HttpLoad.PacedAsync(0.7 * baselineMax.CallsPerSecond, duration, SendBaseline));
        var sessionsMax = Report("POST /v1/sessions max", await HttpLoad.ClosedLoopAsync(Concurrency, duration, SendSession));
        var sessionsPaced = Report("POST /v1/sessions at 70 %", await HttpLoad.PacedAsync(0.7 * sessionsMax.CallsPerSecond, duration, SendSession));

        var ratio = sessionsMax.CallsPerSecond / baselineMax.CallsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT create-session sessions_rps={sessionsMax.CallsPerSecond:0} baseline_rps={baselineMax.CallsPerSecond:0} ratio={ratio:0.000} load_rps={0.7 * sessionsMax.CallsPerSecond:0} p50_ms={Ms(sessionsPaced, 0.5):0.0} p95_ms={Ms(sessionsPaced, 0.95):0.0} p99_ms={Ms(sessionsPaced, 0.99):0.0} baseline_p95_ms={Ms(baselinePaced, 0.95):0.0} failures={failures.Count}"));
        return failures.Count == 0 ? 0 : 1;
    }



    private static LoadResult Report(string name, LoadResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-36} {result.CallsPerSecond,9:N0} req/s  p50 {Ms(result, 0.5),7:0.0} ms  p95 {Ms(result, 0.95),7:0.0} ms  p99 {Ms(result, 0.99),7:0.0} ms  ({result.Calls:N0} requests)"));
        return result;
    }

    private static double Ms(LoadResult result, double quantile) => result.Latency.QuantileMicroseconds(quantile) / 1000;
}
