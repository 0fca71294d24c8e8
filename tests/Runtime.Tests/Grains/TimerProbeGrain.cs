using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Grains;

public interface ITimerProbeGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave);

    Task Hold(string label);

    Task Deactivate();
}

public sealed class TimerProbeGrain(TestLedger ledger) : Grain, ITimerProbeGrain
{
    private int _ticks;

    public Task StartTimer(TimeSpan dueTime, TimeSpan period, bool interleave)
    {
        RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(dueTime, period) { Interleave = interleave });
        return Task.CompletedTask;
    }

    public async Task Hold(string label)
    {
        ledger.Enter();
        ledger.Record($"enter:{label}");
        await ledger.Gate(label);
        ledger.Record($"exit:{label}");
        ledger.Exit();
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ledger.Record("deactivated");
        return Task.CompletedTask;
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        ledger.Enter();
        var tick = ++_ticks;
        ledger.Record($"tick-start:{tick}");
        await Task.Yield();
        ledger.Record($"tick-end:{tick}");
        ledger.Exit();
    }
}

public interface IEagerTimerGrain : IGrainWithStringKey
{
    Task Touch();
}

/// <summary>Registers a timer and lets it come due while the grain is still activating.</summary>
public sealed class EagerTimerGrain(TestLedger ledger, TimeProvider time) : Grain, IEagerTimerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RegisterGrainTimer(_ =>
        {
            ledger.Record("eager-tick");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

        // The fake clock fires due timers synchronously: the tick arrives before activation ends.
        ((FakeTimeProvider)time).Advance(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public Task Touch() => Task.CompletedTask;
}
