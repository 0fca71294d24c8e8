using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// Inference runs only where the operator put GPUs: <c>AnalysisWorkerGrain</c> is <c>[RolePlacement("gpu")]</c>, and
/// these clusters turn off the shipped cpu stand-in (<c>Silo__Placement__RoleFallbacks__gpu__0=gpu</c>). With a gpu
/// silo present every analysis worker activates there; with none, a session fails quickly and says why.
/// </summary>
public sealed class GpuPlacementTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly Dictionary<string, string> NoCpuFallback = new() { ["Silo__Placement__RoleFallbacks__gpu__0"] = "gpu" };

    [Fact]
    public async Task Analysis_workers_activate_only_on_the_gpu_silo()
    {
        var cluster = NewCluster(NoCpuFallback);
        await WithProcessOutputAsync(cluster, async () =>
        {
            var cpu = await cluster.StartSiloAsync("cpu-1", "cpu");
            var gpu = await cluster.StartSiloAsync("gpu-1", "gpu");
            var frontEnd = await cluster.StartFrontEndAsync("frontend");
            var admin = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress, TestCluster.AdminEmail);
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress);

            // Several sessions, so their grains spread over both silos while every analysis goes to the gpu one.
            var sessions = new List<Guid>();
            for (var i = 0; i < 6; i++)
            {
                sessions.Add((await ApiUser.SendAsync(cluster.Http, user.CreateSession(frontEnd.BaseAddress), HttpStatusCode.Created)).GetProperty("id").GetGuid());
            }

            foreach (var id in sessions)
            {
                var final = await WaitForFinalAsync(cluster, user, frontEnd.BaseAddress, id, TimeSpan.FromSeconds(60));
                final.GetProperty("status").GetString().Should().Be("completed");
                final.GetProperty("result_count").GetInt32().Should().Be(ApiUser.AnalysisTypes.Count);
            }

            var runtime = await ClusterView.RuntimeAsync(cluster.Http, frontEnd.BaseAddress, admin);
            Output.WriteLine(string.Join(Environment.NewLine, runtime));
            runtime.Single(s => s.SiloName == gpu.Name).Activations("analysisworker").Should().BeGreaterThan(0);
            runtime.Single(s => s.SiloName == cpu.Name).Activations("analysisworker").Should().Be(0, "the cpu silo never runs inference");
            runtime.Sum(s => s.Activations("session")).Should().Be(sessions.Count);
        });
    }

    [Fact]
    public async Task Without_a_gpu_silo_a_session_fails_quickly_naming_the_missing_role()
    {
        var cluster = NewCluster(NoCpuFallback);
        await WithProcessOutputAsync(cluster, async () =>
        {
            await cluster.StartSiloAsync("cpu-1", "cpu");
            var frontEnd = await cluster.StartFrontEndAsync("frontend");
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEnd.BaseAddress);

            var clock = Stopwatch.StartNew();
            using var request = user.CreateSession(frontEnd.BaseAddress);
            using var response = await cluster.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Output.WriteLine($"POST /v1/sessions: {(int)response.StatusCode} {body}");
            response.StatusCode.Should().Be(HttpStatusCode.Created, "the session itself needs no gpu: only its analyses do");
            var id = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();

            var final = await WaitForFinalAsync(cluster, user, frontEnd.BaseAddress, id, TimeSpan.FromSeconds(30));
            Output.WriteLine($"final after {clock.Elapsed.TotalSeconds:F1} s: {final}");
            final.GetProperty("status").GetString().Should().Be("failed");

            // Measured on the server's own clock, so a slow test machine does not count: created to failed.
            var failedAfter = final.GetProperty("completed_at").GetDateTimeOffset() - final.GetProperty("created_at").GetDateTimeOffset();
            failedAfter.Should().BeLessThan(TimeSpan.FromSeconds(10), "a cluster without the role fails fast, it does not wait for a silo");
            final.GetProperty("error").GetString().Should().Contain("gpu", "the error names the role no silo has");
            final.GetProperty("result_count").GetInt32().Should().Be(0);
        });
    }

    private static async Task<JsonElement> WaitForFinalAsync(TestCluster cluster, ApiUser user, Uri frontEnd, Guid id, TimeSpan deadline)
    {
        var session = default(JsonElement);
        await Poll.UntilAsync(
            async () =>
            {
                session = await ApiUser.SendAsync(cluster.Http, user.Get(frontEnd, $"/v1/sessions/{id}"));
                return SessionRecord.FinalStatuses.Contains(session.GetProperty("status").GetString()!);
            },
            deadline,
            () => $"session {id} to be final; last seen {session}");
        return session;
    }
}
