using System.Text.Json;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// Live updates cross process boundaries: two silos, two standalone front ends. The official <c>@microsoft/signalr</c>
/// Node client is connected to front end B and follows sessions created and changed through front end A, whichever
/// silo hosts each session grain. Each session's live updates arrive in sequence order with no gap, exactly as its
/// event log records them, through to its final status and the metadata changes after it.
/// </summary>
public sealed class CrossProcessRealtimeTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private const int Sessions = 6;

    [Fact]
    public async Task A_client_on_one_front_end_receives_every_update_of_sessions_created_through_another()
    {
        var cluster = NewCluster();
        await WithProcessOutputAsync(cluster, async () =>
        {
            await cluster.StartSiloAsync("silo-1", "cpu");
            await cluster.StartSiloAsync("silo-2", "cpu");
            var frontEndA = await cluster.StartFrontEndAsync("frontend-a");
            var frontEndB = await cluster.StartFrontEndAsync("frontend-b");
            var admin = await ApiUser.RegisterAsync(cluster.Http, frontEndA.BaseAddress, TestCluster.AdminEmail);

            // Registered through A; the token is checked by B (both front ends share the signing keys in PostgreSQL).
            var user = await ApiUser.RegisterAsync(cluster.Http, frontEndA.BaseAddress);
            var report = await NodeScript.RunAsync(
                "cross-process.cjs",
                TimeSpan.FromSeconds(120),
                frontEndA.BaseAddress.ToString().TrimEnd('/'),
                frontEndB.BaseAddress.ToString().TrimEnd('/'),
                user.Token,
                user.ApiKey,
                Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var sessions = report.GetProperty("sessions").EnumerateArray().ToList();
            sessions.Should().HaveCount(Sessions);
            foreach (var session in sessions)
            {
                var subscribedAt = session.GetProperty("subscribedAt").GetInt64();
                var events = session.GetProperty("events").EnumerateArray().Select(Summary).ToList();
                var live = session.GetProperty("live").EnumerateArray().Select(Summary).Where(u => u.Sequence > subscribedAt).ToList();
                Output.WriteLine($"{session.GetProperty("id").GetString()}: subscribed at {subscribedAt} ({session.GetProperty("subscribedStatus").GetString()}), "
                    + $"live {string.Join(" ", live.Select(u => $"{u.Sequence}:{u.Event}"))}");

                events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i));
                events.Count(e => e.Status == "completed" && e.Event == "completed").Should().Be(1);
                events.TakeLast(2).Select(e => e.Event).Should().Equal("updated", "updated");

                // Everything after the subscription arrived live on B, in order, once, as the log has it.
                live.Should().Equal(events.Where(e => e.Sequence > subscribedAt), "front end B delivers every update the session grain recorded");
            }

            var runtime = await ClusterView.RuntimeAsync(cluster.Http, frontEndA.BaseAddress, admin);
            Output.WriteLine(string.Join(Environment.NewLine, runtime));
            runtime.Sum(s => s.Activations("session")).Should().Be(Sessions);
        });
    }

    private static Update Summary(JsonElement update) =>
        new(update.GetProperty("sequence").GetInt64(), update.GetProperty("event").GetString()!, update.GetProperty("status").GetString()!);

    private sealed record Update(long Sequence, string Event, string Status);
}
