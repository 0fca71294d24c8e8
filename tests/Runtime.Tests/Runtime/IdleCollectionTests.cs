using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age_and_reactivates_with_its_state()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Increment();
        await grain.Increment();

        silo.Time.Advance(TimeSpan.FromMinutes(14));
        var activation = silo.Activation(grain);
        activation.State.Should().Be(ActivationState.Valid, "14 idle minutes are less than the 15-minute default");

        silo.Time.Advance(TimeSpan.FromMinutes(2));
        await silo.Ledger.WaitFor("deactivated:ActivationIdle");

        // OnDeactivateAsync (the ledger entry) runs before the catalog lets go of the activation.
        await activation.Deactivated.WaitAsync(TimeSpan.FromSeconds(30));
        silo.Catalog.TryGetActivation(grain.GetGrainId(), out _).Should().BeFalse();

        (await grain.Get()).Should().Be(2);
        silo.Ledger.Events.Should().Equal("activated:0", "deactivated:ActivationIdle", "activated:2");
    }

    [Fact]
    public async Task Calls_reset_idleness()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Get();

        silo.Time.Advance(TimeSpan.FromMinutes(10));
        await grain.Get();
        silo.Time.Advance(TimeSpan.FromMinutes(10));

        silo.Activation(grain).State.Should().Be(ActivationState.Valid);
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_an_activation_alive()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.StartIdleTimer(TimeSpan.FromMinutes(1));

        silo.Time.Advance(TimeSpan.FromMinutes(16));

        await silo.Ledger.WaitFor("deactivated:ActivationIdle");
    }

    [Fact]
    public async Task DelayDeactivation_postpones_collection_and_zero_cancels_it()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.KeepAliveFor(TimeSpan.FromHours(1));

        silo.Time.Advance(TimeSpan.FromMinutes(30));
        silo.Activation(grain).State.Should().Be(ActivationState.Valid, "the grain asked to stay for an hour");

        await grain.KeepAliveFor(TimeSpan.Zero);
        silo.Time.Advance(TimeSpan.FromMinutes(16));
        await silo.Ledger.WaitFor("deactivated:ActivationIdle");
    }

    [Fact]
    public async Task DeactivateOnIdle_wins_over_DelayDeactivation_and_the_next_call_reactivates()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Increment();
        await grain.KeepAliveFor(Timeout.InfiniteTimeSpan);

        await grain.Deactivate();
        await silo.Ledger.WaitFor("deactivated:ApplicationRequested");

        (await grain.Increment()).Should().Be(2);
        silo.Ledger.Count("activated:1").Should().Be(1);
    }

    [Fact]
    public async Task CollectionAgeLimit_overrides_the_default_age_per_class()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        await silo.Grains.GetGrain<IShortLivedGrain>(1).Touch();

        silo.Time.Advance(TimeSpan.FromMinutes(3));

        await silo.Ledger.WaitFor("short-lived-deactivated");
    }

    [Fact]
    public async Task The_collection_age_is_configurable_per_class()
    {
        await using var silo = await RuntimeTestSilo.StartAsync(b =>
            b.Services.Configure<Hosting.GrainCollectionOptions>(o =>
                o.ClassSpecificCollectionAge[typeof(PersistentCounterGrain).FullName!] = TimeSpan.FromMinutes(5)));
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Get();

        silo.Time.Advance(TimeSpan.FromMinutes(6));

        await silo.Ledger.WaitFor("deactivated:ActivationIdle");
    }
}
