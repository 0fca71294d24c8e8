namespace MindPeeker.Runtime.Storage;

/// <summary>
/// The <see cref="IPersistentState{TState}"/> handed to a grain: one named state of one activation,
/// bound to one storage provider. Used only from the activation's turns.
/// </summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IActivationStateLoader
{
    private readonly GrainState<TState> _state = new();

    public TState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, _state);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _state);

    public Task ClearStateAsync() => storage.ClearStateAsync(stateName, grainId, _state);

    Task IActivationStateLoader.LoadAsync() => ReadStateAsync();
}

/// <summary>State that an activation loads before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IActivationStateLoader
{
    Task LoadAsync();
}
