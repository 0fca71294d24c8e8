using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task Two_hundred_concurrent_callers_on_ten_grains_create_exactly_ten_activations_with_exact_counts()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => silo.Grains.GetGrain<ICounterGrain>(i % 10).Increment()))
            .ToArray();

        await Task.WhenAll(calls);

        silo.Statistics.GetActivationCountsByGrainType()["counter"].Should().Be(10);
        for (var key = 0; key < 10; key++)
        {
            silo.Ledger.Count($"activated:{key}").Should().Be(1, $"grain {key} must be activated once");
            (await silo.Grains.GetGrain<ICounterGrain>(key).Get()).Should().Be(20);
        }
    }

    [Fact]
    public async Task References_to_the_same_grain_reach_the_same_activation()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();

        var first = await silo.Grains.GetGrain<ICounterGrain>(42).GetActivationId();
        var second = await silo.Grains.GetGrain<ICounterGrain>(42).GetActivationId();
        var other = await silo.Grains.GetGrain<ICounterGrain>(43).GetActivationId();

        second.Should().Be(first);
        other.Should().NotBe(first);
    }

    [Fact]
    public async Task A_failed_activation_surfaces_its_exception_and_leaves_nothing_behind()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("refuse-1");

        var first = () => grain.ThrowArgument("never reached");
        (await first.Should().ThrowAsync<InvalidOperationException>()).WithMessage("activation refused for refuse-1");
        silo.Statistics.GetActivationCountsByGrainType().Should().NotContainKey("faulty");

        var second = () => grain.ThrowArgument("never reached");
        await second.Should().ThrowAsync<InvalidOperationException>();
        silo.Ledger.Count("activating:refuse-1").Should().Be(2, "a failed activation is not reused; the next call tries again");
    }

    [Fact]
    public async Task Calls_queued_behind_a_failing_activation_all_get_its_exception()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("refuse-many");

        var calls = Enumerable.Range(0, 5).Select(_ => grain.ReadRequestContext("x")).ToArray();

        foreach (var call in calls)
        {
            await FluentActions.Awaiting(() => call).Should().ThrowAsync<InvalidOperationException>();
        }
    }

    [Fact]
    public async Task Exceptions_thrown_in_a_grain_reach_the_caller_with_type_and_message()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("thrower");

        (await FluentActions.Awaiting(() => grain.ThrowArgument("cue must not be empty"))
            .Should().ThrowAsync<ArgumentException>()).WithMessage("cue must not be empty");
        (await FluentActions.Awaiting(() => grain.ThrowCustom("cue rejected after await"))
            .Should().ThrowAsync<CueRejectedException>()).WithMessage("cue rejected after await");

        (await grain.ReadRequestContext("none")).Should().BeNull("the activation survives exceptions from calls");
    }

    [Fact]
    public async Task Request_context_flows_to_the_callee()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        RequestContext.Set("trace", "abc-123");
        try
        {
            (await silo.Grains.GetGrain<IFaultyGrain>("ctx").ReadRequestContext("trace")).Should().Be("abc-123");
        }
        finally
        {
            RequestContext.Clear();
        }

        (await silo.Grains.GetGrain<IFaultyGrain>("ctx").ReadRequestContext("trace")).Should().BeNull();
    }

    [Fact]
    public async Task Incoming_call_filters_run_around_every_call_and_see_the_result()
    {
        await using var silo = await RuntimeTestSilo.StartAsync(b => b.AddIncomingGrainCallFilter<CountingFilter>());

        (await silo.Grains.GetGrain<ICounterGrain>(7).Increment()).Should().Be(1);

        silo.Ledger.Events.Should().ContainInOrder("filter-before:Increment", "filter-after:Increment:1");
    }

    [Fact]
    public async Task A_grain_type_with_no_registered_class_fails_the_call_clearly()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var stranger = silo.Grains.GetGrain<ICounterGrain>(GrainId.Create("nosuchtype", "1"));

        (await FluentActions.Awaiting(() => stranger.Increment()).Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("*nosuchtype*");
    }
}
