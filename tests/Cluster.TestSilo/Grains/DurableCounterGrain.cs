using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Cluster.TestSilo.Grains;

public sealed class DurableCounterGrain(
    SiloAddress silo,
    [PersistentState("counter", TestSiloProtocol.StorageName)] IPersistentState<DurableCounterState> state) : Grain, IDurableCounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public async Task<CounterReport> Increment()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return Current();
    }

    public Task<CounterReport> Get() => Task.FromResult(Current());

    private CounterReport Current() => new(state.State.Count, silo.ToString(), _activationId);
}
