using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public async Task A_timer_tick_waits_for_a_running_call_and_runs_as_its_own_turn()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITimerProbeGrain>("t1");
        await grain.StartTimer(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), interleave: false);

        var call = grain.Hold("call");
        await silo.Ledger.WaitFor("enter:call");
        silo.Time.Advance(TimeSpan.FromSeconds(5));

        silo.Activation(grain).WaitingCount.Should().Be(1, "the tick is queued behind the running call");
        silo.Ledger.Count("tick-start:1").Should().Be(0);

        silo.Ledger.Open("call");
        await call;
        await silo.Ledger.WaitFor("tick-end:1");
        silo.Ledger.Events.Should().Equal("enter:call", "exit:call", "tick-start:1", "tick-end:1");
        silo.Ledger.MaxConcurrent.Should().Be(1);
    }

    [Fact]
    public async Task A_timer_keeps_its_period_and_never_overlaps_itself()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITimerProbeGrain>("t2");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), interleave: false);

        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.Ledger.WaitFor("tick-end:1");
        silo.Ledger.Open("sync");
        await grain.Hold("sync"); // runs only after the tick's turn ended and re-armed the timer
        silo.Time.Advance(TimeSpan.FromSeconds(9));
        silo.Ledger.Count("tick-start:2").Should().Be(0, "the period counts from the end of the previous tick");
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.Ledger.WaitFor("tick-end:2");

        silo.Ledger.MaxConcurrent.Should().Be(1);
    }

    [Fact]
    public async Task Timers_stop_when_the_activation_goes()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ITimerProbeGrain>("t3");
        var timersBefore = silo.Time.ActiveTimerCount;
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), interleave: false);
        silo.Time.Advance(TimeSpan.FromSeconds(1));
        await silo.Ledger.WaitFor("tick-end:1");

        await grain.Deactivate();
        await silo.Ledger.WaitFor("deactivated");
        silo.Time.ActiveTimerCount.Should().Be(timersBefore, "the grain's timer was disposed with its activation");
        silo.Time.Advance(TimeSpan.FromMinutes(5));

        silo.Ledger.Count("tick-start:2").Should().Be(0);
        silo.Ledger.Count("tick-start:1").Should().Be(1);
    }

    [Fact]
    public async Task A_timer_due_while_the_grain_is_still_activating_ticks_once_activation_finishes()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();

        await silo.Grains.GetGrain<IEagerTimerGrain>("eager").Touch();

        await silo.Ledger.WaitFor("eager-tick");
    }
}
