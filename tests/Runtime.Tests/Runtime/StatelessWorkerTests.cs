using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task Stateless_workers_scale_up_to_their_limit_then_queue()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var worker = silo.Grains.GetGrain<IWorkerGrain>(0);

        var calls = Enumerable.Range(0, 4).Select(i => worker.Hold($"h{i}")).ToArray();
        await Task.WhenAll(silo.Ledger.WaitFor("enter:h0"), silo.Ledger.WaitFor("enter:h1"), silo.Ledger.WaitFor("enter:h2"));

        silo.Ledger.Count("worker-activated").Should().Be(3, "[StatelessWorker(3)] allows three local workers");
        silo.Ledger.Count("enter:h3").Should().Be(0, "the fourth call waits for a busy worker");
        silo.Statistics.GetActivationCountsByGrainType()["worker"].Should().Be(3);

        for (var i = 0; i < 4; i++)
        {
            silo.Ledger.Open($"h{i}");
        }

        var ids = await Task.WhenAll(calls);
        ids.Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task Idle_stateless_workers_are_reused()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var worker = silo.Grains.GetGrain<IWorkerGrain>(1);

        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await worker.WhoAmI());
        }

        silo.Ledger.Count("worker-activated").Should().Be(1);
        ids.Distinct().Should().ContainSingle();
    }
}
