using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// A rolling restart as an operator does it: two silos and a standalone front end; one silo is stopped gracefully
/// (SIGTERM) and started again while clients keep reading and creating sessions. Clients see 2xx, at worst a 503
/// with <c>Retry-After</c> during the seconds of a transition (a small fraction of requests), never a 500 or a hang;
/// the front end stays ready throughout, and every session created meanwhile finishes.
/// </summary>
public sealed class FrontEndDuringSiloRestartTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private const int Clients = 4;
    private const double MaxUnavailableFraction = 0.10;
    private const int AnswersAfterRestart = 150;
    private static readonly TimeSpan MaxUnavailableWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Clients_get_answers_and_the_front_end_stays_ready_while_a_silo_restarts()
    {
        var cluster = NewCluster();
        await WithProcessOutputAsync(cluster, async () =>
        {
            var restarted = await cluster.StartSiloAsync("silo-1", "cpu");
            await cluster.StartSiloAsync("silo-2", "cpu");
            var frontEnd = await cluster.StartFrontEndAsync("frontend");
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress);
            var existing = (await ApiUser.SendAsync(cluster.Http, user.CreateSession(frontEnd.BaseAddress), HttpStatusCode.Created)).GetProperty("id").GetGuid();

            using var http = new HttpClient { Timeout = ClientTimeout };
            using var stop = new CancellationTokenSource();
            var outcomes = new ConcurrentBag<(string Call, int Status, bool RetryAfter, string? Failure, string Body, TimeSpan At)>();
            var clock = Stopwatch.StartNew();
            var readiness = new ConcurrentBag<int>();

            async Task ClientAsync(int client)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var (call, request) = (i % 3) switch
                    {
                        0 => ("POST /v1/sessions", user.CreateSession(frontEnd.BaseAddress, $"restart-{client}-{i}")),
                        1 => ("GET /v1/sessions/{id}", user.Get(frontEnd.BaseAddress, $"/v1/sessions/{existing}")),
                        _ => ("GET /v1/sessions", user.Get(frontEnd.BaseAddress, "/v1/sessions?limit=5")),
                    };
                    using (request)
                    {
                        try
                        {
                            using var response = await http.SendAsync(request);
                            outcomes.Add((call, (int)response.StatusCode, response.Headers.RetryAfter is not null, null, await response.Content.ReadAsStringAsync(), clock.Elapsed));
                        }
                        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                        {
                            outcomes.Add((call, 0, false, exception.Message, string.Empty, clock.Elapsed));
                        }
                    }
                }
            }

            async Task ProbeAsync()
            {
                while (!stop.IsCancellationRequested)
                {
                    using var response = await http.GetAsync(new Uri(frontEnd.BaseAddress, "/health/ready"));
                    readiness.Add((int)response.StatusCode);
                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
                }
            }

            var load = Enumerable.Range(0, Clients).Select(ClientAsync).Append(ProbeAsync()).ToList();
            await Poll.UntilAsync(() => Task.FromResult(outcomes.Count >= 30), TimeSpan.FromSeconds(30), () => "30 answers before the restart");

            await restarted.StopAsync(TimeSpan.FromSeconds(60));
            Output.WriteLine($"{restarted.Name} stopped by SIGTERM at {clock.Elapsed.TotalSeconds:F1} s, after {outcomes.Count} answers");
            var again = await cluster.StartSiloAsync(restarted.Name, "cpu");
            Output.WriteLine($"{again.Name} ready again at {clock.Elapsed.TotalSeconds:F1} s");

            // Keep going until the restarted silo has been serving for a while.
            var before = outcomes.Count;
            await Poll.UntilAsync(() => Task.FromResult(outcomes.Count >= before + AnswersAfterRestart), TimeSpan.FromSeconds(60), () => $"{AnswersAfterRestart} answers after the restart");
            await stop.CancelAsync();
            await Task.WhenAll(load);

            var all = outcomes.ToList();
            var unavailable = all.Where(o => o.Status == 503).ToList();
            Output.WriteLine($"{all.Count} requests in {clock.Elapsed.TotalSeconds:F1} s: "
                + string.Join(", ", all.GroupBy(o => (o.Call, o.Status)).Select(g => $"{g.Key.Call} {g.Key.Status}x{g.Count()}")));
            Output.WriteLine($"readiness probes: {string.Join(", ", readiness.GroupBy(s => s).Select(g => $"{g.Key}x{g.Count()}"))}");

            all.Should().OnlyContain(o => o.Failure == null, "every request is answered within {0}", ClientTimeout);
            all.Should().OnlyContain(o => (o.Status >= 200 && o.Status < 300) || o.Status == 503, "only a transition's 503 may interrupt service");
            unavailable.Where(o => !o.RetryAfter || !ClusterView.IsProblem("application/problem+json", o.Body)).Should().BeEmpty("a 503 is a problem with Retry-After");
            ((double)unavailable.Count / all.Count).Should().BeLessThanOrEqualTo(MaxUnavailableFraction, "a restart costs a small fraction of answers");
            if (unavailable.Count > 0)
            {
                var window = unavailable.Max(o => o.At) - unavailable.Min(o => o.At);
                Output.WriteLine($"503s from {unavailable.Min(o => o.At).TotalSeconds:F1} s to {unavailable.Max(o => o.At).TotalSeconds:F1} s");
                window.Should().BeLessThanOrEqualTo(MaxUnavailableWindow, "503s are confined to the seconds of a transition");
            }

            readiness.Should().NotBeEmpty().And.OnlyContain(s => s == 200, "the front end stays ready while one silo restarts");

            // Nothing created meanwhile is left behind.
            await Poll.UntilAsync(
                async () => await SessionAudit.CountUnfinishedAsync(Database.DataSource, user.Id) == 0,
                TimeSpan.FromSeconds(60),
                () => "every session to finish");
            var records = await SessionAudit.ReadAsync(Database.DataSource, user.Id);
            records.Values.Select(r => r.ProcessedOnceViolations(ApiUser.AnalysisTypes.Count)).Where(v => v.Length > 0).Should().BeEmpty();
        });
    }
}
