namespace MindPeeker.Runtime.Tests.Grains;

public interface IPersistentCounterGrain : IGrainWithGuidKey
{
    Task<int> Increment();

    Task<int> Get();

    Task KeepAliveFor(TimeSpan timeSpan);

    Task Deactivate();

    Task StartIdleTimer(TimeSpan period);
}

public sealed record CounterState
{
    public int Count { get; set; }
}

public sealed class PersistentCounterGrain(
    TestLedger ledger,
    [PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IPersistentCounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger.Record($"activated:{state.State.Count}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ledger.Record($"deactivated:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> Get() => Task.FromResult(state.State.Count);

    public Task KeepAliveFor(TimeSpan timeSpan)
    {
        DelayDeactivation(timeSpan);
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartIdleTimer(TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            ledger.Record("idle-tick");
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }
}

public interface IShortLivedGrain : IGrainWithIntegerKey
{
    Task Touch();
}

[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain(TestLedger ledger) : Grain, IShortLivedGrain
{
    public Task Touch() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ledger.Record("short-lived-deactivated");
        return Task.CompletedTask;
    }
}
