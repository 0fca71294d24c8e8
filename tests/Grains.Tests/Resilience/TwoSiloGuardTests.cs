using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class TwoSiloGuardTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_breaker_opened_by_failures_on_one_silo_refuses_calls_on_the_other_after_the_notification()
    {
        var cluster = "breakers-" + Guid.NewGuid().ToString("N");
        await using var a = await BreakerSilo.StartAsync(database, clusterId: cluster);
        await using var b = await BreakerSilo.StartAsync(database, clusterId: cluster);
        await BreakerSilo.JoinAsync(a, b);
        var dependency = $"webhook:{Guid.NewGuid():N}";
        var onA = new GuardedCalls(a.Guard, dependency);
        var onB = new GuardedCalls(b.Guard, dependency);
        (await onB.SucceedAsync()).Should().Be(200);
        var pushedToB = b.NextNotification(dependency, CircuitState.Open);

        await onA.FailTimesAsync(5);
        var snapshot = await pushedToB.WaitAsync(Patience);

        snapshot.WindowFailures.Should().Be(5);
        var refusal = await FluentActions.Awaiting(onB.SucceedAsync).Should().ThrowAsync<CircuitOpenException>();
        refusal.Which.RetryAfter.Should().BeGreaterThan(TimeSpan.FromSeconds(50));
        onB.Attempts.Should().Be(1, "silo B refused from its cache, without attempting the call");
    }

    [Fact]
    public async Task Both_silos_report_into_one_window_so_failures_split_across_them_open_the_breaker()
    {
        var cluster = "breakers-" + Guid.NewGuid().ToString("N");
        await using var a = await BreakerSilo.StartAsync(database, clusterId: cluster);
        await using var b = await BreakerSilo.StartAsync(database, clusterId: cluster);
        await BreakerSilo.JoinAsync(a, b);
        var dependency = $"ai:nim:{Guid.NewGuid():N}";
        var opened = a.NextNotification(dependency, CircuitState.Open);

        await new GuardedCalls(a.Guard, dependency).FailTimesAsync(3);
        await new GuardedCalls(b.Guard, dependency).FailTimesAsync(3);
        var snapshot = await opened.WaitAsync(Patience);

        snapshot.WindowFailures.Should().BeGreaterThanOrEqualTo(5, "neither silo alone reached the minimum throughput of 5");
    }
}
