using MindPeeker.Cluster.Tests.Harness;
using MindPeeker.Cluster.TestSilo.Grains;
using MindPeeker.TestSupport;
using Xunit.Abstractions;

namespace MindPeeker.Cluster.Tests;

/// <summary>
/// Issue 4 item 9: a silo that dies without warning (kill -9) is declared Dead by the survivors' suspicion
/// votes, and its grains come back on survivors from their persisted state; a silo that finds itself declared
/// Dead stops instead of serving calls beside its replacement activations. Default membership timing throughout.
/// </summary>
public sealed class SiloFailureTests(PostgreSqlTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Kill_9_moves_a_persistent_grain_to_a_survivor_with_its_stored_state_and_the_row_turns_dead_by_votes()
    {
        await using var cluster = new ClusterUnderTest(database);
        await cluster.StartSilosAsync(3);
        var client = await cluster.StartClientAsync();
        await cluster.WaitForConvergenceAsync(client);
        var counter = client.GetGrain<IDurableCounterGrain>(Guid.NewGuid());
        CounterReport before = null!;
        for (var i = 0; i < 5; i++)
        {
            before = await counter.Increment();
        }

        var victim = cluster.SiloAt(before.Silo);
        var survivors = cluster.Silos.Where(s => s != victim).Select(s => s.Address).ToList();
        victim.Kill();
        var killedAt = TimeProvider.System.GetTimestamp();

        // Read-only calls until one succeeds: retrying them cannot double-count.
        var after = await Eventually.WaitForAsync(async () =>
        {
            try
            {
                return await counter.Get().WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return null;
            }
        }, "the counter to answer from a survivor");
        var failover = TimeProvider.System.GetElapsedTime(killedAt);
        output.WriteLine($"kill -9 to first successful call on a survivor: {failover.TotalMilliseconds:0} ms");

        failover.Should().BeLessThan(FailoverLimit, $"failure detection with default settings is well under 10 s{Environment.NewLine}{cluster.Diagnostics()}");
        after.Silo.Should().BeOneOf(survivors);
        after.ActivationId.Should().NotBe(before.ActivationId);
        after.Count.Should().Be(5, "the new activation loaded the persisted count");
        (await counter.Increment()).Count.Should().Be(6, "the counter continues from the stored value");

        var dead = await Eventually.WaitForAsync(
            async () => await cluster.Membership.FindAsync(victim.Address) is { Status: MembershipRow.Dead } row ? row : null,
            $"{victim.Address}'s row to turn Dead");
        dead.Voters.Should().NotBeEmpty().And.OnlyContain(v => survivors.Contains(v), "survivors voted the killed silo dead");
    }

    [Fact]
    public async Task A_silo_whose_row_is_written_dead_stops()
    {
        await using var cluster = new ClusterUnderTest(database);
        var silos = await cluster.StartSilosAsync(2);
        var doomed = silos[0];

        await cluster.Membership.DeclareDeadAsync(doomed.Address);

        (await doomed.WaitForExitAsync(Eventually.DefaultDeadline)).Should().BeTrue($"a silo declared Dead must stop:{Environment.NewLine}{doomed.Output}");
        silos[1].HasExited.Should().BeFalse("the other silo keeps running");
        (await cluster.Membership.FindAsync(doomed.Address))!.Status.Should().Be(MembershipRow.Dead, "Dead is terminal: the stopping silo does not revive its row");
    }

    [Fact]
    public async Task A_frozen_silo_declared_dead_by_the_others_stops_when_it_resumes()
    {
        await using var cluster = new ClusterUnderTest(database);
        var silos = await cluster.StartSilosAsync(3);
        var client = await cluster.StartClientAsync();
        await cluster.WaitForConvergenceAsync(client);
        var frozen = silos[0];

        frozen.Freeze();
        var dead = await Eventually.WaitForAsync(
            async () => await cluster.Membership.FindAsync(frozen.Address) is { Status: MembershipRow.Dead } row ? row : null,
            $"{frozen.Address}'s row to turn Dead while it is frozen");
        output.WriteLine($"{frozen.Address} declared Dead by {string.Join(", ", dead.Voters)}");
        frozen.Resume();

        (await frozen.WaitForExitAsync(Eventually.DefaultDeadline)).Should().BeTrue($"a silo that finds itself Dead must stop:{Environment.NewLine}{frozen.Output}");
        dead.Voters.Should().NotContain(frozen.Address);

        // Each survivor learns of the death at its next table read; until then it may still place on the dead silo.
        await cluster.WaitForConvergenceAsync(client);
        var report = await client.GetGrain<IProbeGrain>($"{cluster.ClusterId}-after").Probe();
        report.Silo.Should().NotBe(frozen.Address, "the cluster keeps serving calls on the survivors");
        (await cluster.Membership.FindAsync(frozen.Address))!.Status.Should().Be(MembershipRow.Dead);
    }
}
