using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// Three silos (cpu, cpu, gpu; no front end) and one standalone front end. Eight clients create 300 sessions
/// through the front end, each with its own <c>Idempotency-Key</c>, retrying a 503 after its <c>Retry-After</c> with
/// the same key (as a well-behaved client does); after a third of the answers one cpu silo is killed with
/// <c>kill -9</c>. Whatever a client was told, the cluster must keep its word: every request is answered in time
/// (201, or a 503 problem with <c>Retry-After</c> while the cluster has not yet declared the silo dead, never a 500),
/// every creation is acknowledged within a few retries (except, when the killed silo was the front end's gateway, the
/// few whose idempotency ledger call was cut off: their retry gets a 409 problem until the key's lease ends), every
/// session the cluster wrote finishes (completed, or failed with an error) and is processed exactly once, and the
/// operator's views show the dead silo as dead and the sessions on the survivors.
/// The silos run with the session watchdog and the minimum reminder period lowered from 1 min to 5 s
/// (<c>Sessions:Watchdog:Period</c>, <c>Silo:Reminders:MinimumReminderPeriod</c>, <c>Silo:Reminders:RefreshPeriod</c>),
/// so a session whose silo died resumes on a survivor within seconds instead of a minute.
/// </summary>
public sealed class Kill9DuringSessionCreationTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private const int Clients = 8;
    private const int Creations = 300;
    private const int KillAfterAnswers = 100;
    private const int MaxAttempts = 4;

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan FinishDeadline = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> FastWatchdog = new()
    {
        ["Sessions__Watchdog__Period"] = "00:00:05",
        ["Silo__Reminders__MinimumReminderPeriod"] = "00:00:05",
        ["Silo__Reminders__RefreshPeriod"] = "00:00:05",
    };

    [Fact]
    public async Task Every_acknowledged_session_finishes_exactly_once_when_a_cpu_silo_is_killed_mid_load()
    {
        var cluster = NewCluster(FastWatchdog);
        await WithProcessOutputAsync(cluster, async () =>
        {
            var cpu1 = await cluster.StartSiloAsync("cpu-1", "cpu");
            var started = await Task.WhenAll(cluster.StartSiloAsync("cpu-2", "cpu"), cluster.StartSiloAsync("gpu-1", "gpu"));
            var (victim, gpu) = (started[0], started[1]);
            var frontEnd = await cluster.StartFrontEndAsync("frontend");
            var admin = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress, TestCluster.AdminEmail);
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress);

            var outcomes = await CreateUnderKillAsync(frontEnd.BaseAddress, user, victim);

            // Every request was answered within the client's timeout: 201, or a problem a client can act on, never a 500.
            var acknowledged = outcomes.Where(o => o.Status == 201).ToList();
            var refused = outcomes.Where(o => o.Status != 201).ToList();
            Output.WriteLine($"{outcomes.Count} requests: {acknowledged.Count} acknowledged, {refused.Count} refused ("
                + string.Join(", ", refused.GroupBy(o => o.Status).Select(g => $"{g.Key}x{g.Count()}")) + $"), most attempts {outcomes.Max(o => o.Attempt)}");
            Output.WriteLine($"slowest answer {outcomes.Max(o => o.Elapsed).TotalSeconds:F1} s; first refusal: {refused.FirstOrDefault()?.Body}");
            outcomes.Should().OnlyContain(o => o.Failure == null, "every request is answered within {0}", ClientTimeout);
            refused.Where(o => !IsUnavailable(o) && !IsStillLeased(o)).Should().BeEmpty(
                "a refusal is a 503 problem+json with Retry-After, or (on a retry) the 409 problem of a key whose first attempt was cut off; never a 500");

            // The cluster recovers: every creation is acknowledged once the client retried as told, except those whose
            // Idempotency-Key is still leased because the gateway died during the ledger call (at most one per client in flight).
            var leased = outcomes.Where(IsStillLeased).Select(o => o.Index).ToHashSet();
            Output.WriteLine($"{leased.Count} creations ended with 409 (key leased by an attempt cut off by the kill)");
            leased.Should().HaveCountLessThanOrEqualTo(Clients, "only requests in flight at the kill can leave their key leased");
            acknowledged.Select(o => o.Index).Should().BeEquivalentTo(Enumerable.Range(0, Creations).Except(leased), "every creation succeeds within {0} attempts", MaxAttempts);
            acknowledged.Select(o => o.SessionId).Should().OnlyHaveUniqueItems();

            // Every acknowledged session reaches a final state within the bound, processed exactly once.
            var acknowledgedIds = acknowledged.Select(o => o.SessionId!.Value).ToHashSet();
            var clock = Stopwatch.StartNew();
            try
            {
                await Poll.UntilAsync(
                    async () => await SessionAudit.CountUnfinishedAsync(Database.DataSource, acknowledgedIds) == 0,
                    FinishDeadline,
                    () => "every acknowledged session to reach a final state");
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException($"{timeout.Message}; unfinished: {await UnfinishedAsync(user)}", timeout);
            }

            Output.WriteLine($"all acknowledged sessions final {clock.Elapsed.TotalSeconds:F1} s after the load ended; "
                + $"survivors logged {new[] { cpu1, gpu }.Sum(s => CountLines(s.Output, "resumed by its watchdog reminder"))} watchdog resumptions");
            var records = await SessionAudit.ReadAsync(Database.DataSource, user.Id);
            records.Keys.Should().Contain(acknowledgedIds, "an acknowledged session is never lost");
            records.Values.Where(r => acknowledgedIds.Contains(r.Id)).Select(r => r.ProcessedOnceViolations(ApiUser.AnalysisTypes.Count)).Where(v => v.Length > 0)
                .Should().BeEmpty("every acknowledged session is processed exactly once");
            Output.WriteLine($"{records.Count} sessions written: "
                + string.Join(", ", records.Values.GroupBy(r => r.Status).Select(g => $"{g.Key}x{g.Count()}")));

            // A request answered 503 may still have created its session (the gateway died after the write): at most one
            // per refusal. Such a session is not the client's (it never saw the id, its retry made another), yet it exists,
            // so it too must finish, processed exactly once: its watchdog reminder is written before its row.
            var unacknowledgedIds = records.Values.Where(r => !acknowledgedIds.Contains(r.Id)).Select(r => r.Id).ToHashSet();
            unacknowledgedIds.Should().HaveCountLessThanOrEqualTo(refused.Count(IsUnavailable), "only a request cut off by the kill can leave a session behind");
            await Poll.UntilAsync(
                async () => await SessionAudit.CountUnfinishedAsync(Database.DataSource, unacknowledgedIds) == 0,
                FinishDeadline,
                () => "every session written for a request answered 503 to reach a final state");
            records = await SessionAudit.ReadAsync(Database.DataSource, user.Id);
            var unacknowledged = records.Values.Where(r => unacknowledgedIds.Contains(r.Id)).ToList();
            unacknowledged.Where(r => !r.IsFinal).Should().BeEmpty("every written session finishes");
            unacknowledged.Select(r => r.ProcessedOnceViolations(ApiUser.AnalysisTypes.Count)).Where(v => v.Length > 0).Should().BeEmpty();
            Output.WriteLine($"{unacknowledged.Count} sessions written for requests answered 503: "
                + string.Join("; ", unacknowledged.Select(r => $"{r.Id} {r.Status} [{string.Join(" ", r.Events.Select(e => e.Event))}]")));

            // The API tells the client the same: a final status, and an error message for a failed session.
            var answers = await Task.WhenAll(acknowledged.Select(o => o.SessionId!.Value).Chunk(Creations / Clients + 1).Select(async chunk =>
            {
                var seen = new List<JsonElement>();
                foreach (var id in chunk)
                {
                    seen.Add(await ApiUser.SendAsync(cluster.Http, user.Get(frontEnd.BaseAddress, $"/v1/sessions/{id}")));
                }

                return seen;
            }));
            answers.SelectMany(a => a).Should().OnlyContain(s =>
                s.GetProperty("status").GetString() == "completed"
                || (s.GetProperty("status").GetString() == "failed" && s.GetProperty("error").GetString()!.Length > 0));

            // The operator sees the dead silo as Dead in the membership table, and its grains nowhere.
            await Poll.UntilAsync(
                async () => (await ClusterView.MembershipStatusesAsync(Database.DataSource, cluster.ClusterId, victim.Name)).SequenceEqual([6]),
                TimeSpan.FromSeconds(30),
                () => $"{victim.Name}'s membership row to be Dead (6)");
            var runtime = await ClusterView.RuntimeAsync(cluster.Http, frontEnd.BaseAddress, admin);
            Output.WriteLine(string.Join(Environment.NewLine, runtime));
            runtime.Select(s => s.SiloName).Should().BeEquivalentTo([cpu1.Name, gpu.Name], "only the survivors are listed");
            runtime.Should().OnlyContain(s => s.Status == "Active");
            // Every acknowledged session was read above, so each is active on a survivor: once, never twice. A create cut
            // off by the kill before its row was written left only its watchdog reminder, whose tick activates the grain
            // once to remove itself: at most one more per refused request.
            runtime.Sum(s => s.Activations("session")).Should().BeInRange(
                acknowledged.Count, records.Count + refused.Count(IsUnavailable), "each session is activated once, on a survivor");
        });
    }

    private static int CountLines(string output, string fragment) =>
        output.Split('\n').Count(line => line.Contains(fragment, StringComparison.Ordinal));

    private async Task<string> UnfinishedAsync(ApiUser user)
    {
        var records = await SessionAudit.ReadAsync(Database.DataSource, user.Id);
        var unfinished = records.Values.Where(r => !r.IsFinal).ToList();
        return $"{unfinished.Count} of {records.Count}: " + string.Join("; ", unfinished.Take(20).Select(r => $"{r.Id} {r.Status} [{string.Join(" ", r.Events.Select(e => e.Event))}]"));
    }

    private async Task<List<CreationOutcome>> CreateUnderKillAsync(Uri frontEnd, ApiUser user, HostProcess victim)
    {
        var outcomes = new ConcurrentBag<CreationOutcome>();
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = -1;
        var answered = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { Timeout = ClientTimeout };

        async Task ClientAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Creations)
            {
                // A well-behaved client: on 503 it waits the Retry-After it was given and sends the same request, same key.
                for (var attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    var outcome = await CreateAsync(http, index, attempt, user.CreateSession(frontEnd, $"kill9-{run}-{index}"));
                    outcomes.Add(outcome);
                    if (Interlocked.Increment(ref answered) == KillAfterAnswers)
                    {
                        killNow.TrySetResult();
                    }

                    if (outcome.Status != 503 || outcome.RetryAfter is not { } wait)
                    {
                        break;
                    }

                    await Task.Delay(wait, TimeProvider.System);
                }
            }

            killNow.TrySetResult();
        }

        async Task KillerAsync()
        {
            await killNow.Task;
            await victim.KillAsync();
            Output.WriteLine($"killed {victim.Name} after {Volatile.Read(ref answered)} answers");
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => ClientAsync()).Append(KillerAsync()));
        Output.WriteLine($"{Creations} creations by {Clients} clients in {clock.Elapsed.TotalSeconds:F1} s");
        return [.. outcomes];
    }

    private static async Task<CreationOutcome> CreateAsync(HttpClient http, int index, int attempt, HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Guid? id = response.StatusCode == HttpStatusCode.Created
                    ? JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid()
                    : null;
                return new CreationOutcome(
                    index, attempt, (int)response.StatusCode, id, ClusterView.IsProblem(response.Content.Headers.ContentType?.MediaType, body),
                    response.Headers.RetryAfter?.Delta, clock.Elapsed, null, body);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return new CreationOutcome(index, attempt, 0, null, false, null, clock.Elapsed, exception.Message, string.Empty);
            }
        }
    }

    /// <summary>The 503 problem with <c>Retry-After</c> of a call the cluster could not serve (it will once it has noticed the kill).</summary>
    private static bool IsUnavailable(CreationOutcome outcome) => outcome is { Status: 503, IsProblem: true, RetryAfter: not null };

    /// <summary>
    /// The 409 "Request in progress" problem, on a retry: the first attempt's ledger call (<c>Begin</c>/<c>Complete</c>)
    /// went through the killed gateway, so its lease on the key lasts <c>Idempotency:Lease</c> (2 min) and the retry is refused.
    /// </summary>
    private static bool IsStillLeased(CreationOutcome outcome) =>
        outcome is { Status: 409, IsProblem: true, Attempt: > 1 } && outcome.Body.Contains("Request in progress", StringComparison.Ordinal);

    private sealed record CreationOutcome(
        int Index, int Attempt, int Status, Guid? SessionId, bool IsProblem, TimeSpan? RetryAfter, TimeSpan Elapsed, string? Failure, string Body);
}
