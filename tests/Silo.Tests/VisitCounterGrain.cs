using MindPeeker.Runtime;

namespace MindPeeker.Silo.Tests;

public interface IVisitCounterGrain : IGrainWithStringKey
{
    Task<int> Visit();
}

public sealed class VisitCounterGrain([PersistentState("visits")] IPersistentState<VisitState> state) : Grain, IVisitCounterGrain
{
    public async Task<int> Visit()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }
}

public sealed class VisitState
{
    public int Count { get; set; }
}
