namespace MindPeeker.Runtime.Tests.Grains;

public sealed class CueRejectedException(string message) : Exception(message);

public interface IFaultyGrain : IGrainWithStringKey
{
    Task ThrowArgument(string message);

    Task<int> ThrowCustom(string message);

    Task WaitForever(string label);

    Task<string?> ReadRequestContext(string key);
}

public sealed class FaultyGrain(TestLedger ledger) : Grain, IFaultyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger.Record($"activating:{this.GetPrimaryKeyString()}");
        return this.GetPrimaryKeyString().StartsWith("refuse", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"activation refused for {this.GetPrimaryKeyString()}")
            : Task.CompletedTask;
    }

    public Task ThrowArgument(string message) => throw new ArgumentException(message);

    public async Task<int> ThrowCustom(string message)
    {
        await Task.Yield();
        throw new CueRejectedException(message);
    }

    public Task WaitForever(string label) => ledger.Gate(label);

    public Task<string?> ReadRequestContext(string key) => Task.FromResult(RequestContext.Get(key) as string);
}

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<Guid> Hold(string label);

    Task<Guid> WhoAmI();
}

[StatelessWorker(3)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly TestLedger _ledger;

    public WorkerGrain(TestLedger ledger)
    {
        _ledger = ledger;
        ledger.Record("worker-activated");
    }

    public async Task<Guid> Hold(string label)
    {
        _ledger.Record($"enter:{label}");
        await _ledger.Gate(label);
        return _id;
    }

    public Task<Guid> WhoAmI() => Task.FromResult(_id);
}
