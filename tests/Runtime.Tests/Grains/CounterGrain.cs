namespace MindPeeker.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> Increment();

    ValueTask<int> Get();

    Task<Guid> GetActivationId();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private int _count;

    public CounterGrain(TestLedger ledger) => ledger.Record($"activated:{this.GetPrimaryKeyLong()}");

    public async Task<int> Increment()
    {
        var before = _count;
        await Task.Yield();
        _count = before + 1;
        return _count;
    }

    public ValueTask<int> Get() => ValueTask.FromResult(_count);

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);
}
