using MindPeeker.Cluster.Tests.Harness;
using MindPeeker.Cluster.TestSilo.Grains;
using MindPeeker.TestSupport;
using Xunit.Abstractions;

namespace MindPeeker.Cluster.Tests;

/// <summary>
/// Issue 4 item 9: stopping a silo (SIGTERM, as Kubernetes does) loses no call. Calls queued behind a busy
/// activation either finish there or are forwarded to another silo; the grain is then served by a survivor.
/// </summary>
public sealed class GracefulShutdownTests(PostgreSqlTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgreSqlTestDatabase>
{
    private const int QueuedCalls = 30;
    private static readonly TimeSpan CallDuration = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Sigterm_with_queued_calls_completes_every_call_and_the_grain_moves_to_a_survivor()
    {
        await using var cluster = new ClusterUnderTest(database);
        await cluster.StartSilosAsync(3);
        var client = await cluster.StartClientAsync();
        await cluster.WaitForConvergenceAsync(client);
        var grain = client.GetGrain<IProbeGrain>($"{cluster.ClusterId}-queued");
        var home = (await grain.Probe()).Silo;
        var leaving = cluster.SiloAt(home);

        // 30 calls of 100 ms each queue on the one activation (3 s of work); the first finishing proves the rest wait behind it.
        var calls = Enumerable.Range(0, QueuedCalls).Select(_ => grain.Slow(CallDuration)).ToList();
        await Task.WhenAny(calls);
        leaving.Terminate();

        var reports = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60), TimeProvider.System);
        (await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue($"SIGTERM stops the silo:{Environment.NewLine}{leaving.Output}");
        leaving.ExitCode.Should().Be(0, "a graceful stop exits cleanly");

        output.WriteLine($"calls served by the leaving silo: {reports.Count(r => r.Silo == home)}, forwarded to survivors: {reports.Count(r => r.Silo != home)}");
        reports.Should().HaveCount(QueuedCalls, "no queued call is lost");
        reports.Should().Contain(r => r.Silo == home, "the running call finished where it started");
        var next = await grain.Probe();
        next.Silo.Should().NotBe(home, "the next call lands on a survivor");
        cluster.Silos.Where(s => s.Address != home).Select(s => s.Address).Should().Contain(next.Silo);
        var row = await cluster.Membership.FindAsync(home);
        row!.Status.Should().Be(MembershipRow.Dead, "a stopped silo leaves its row Dead");
    }
}
