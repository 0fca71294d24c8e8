namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>Persistent state that only remembers which state and storage it was created for.</summary>
internal sealed class FakePersistentState<TState>(string stateName, string? storageName) : IPersistentState<TState>
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;

    public TState State { get; set; } = default!;

    public string? Etag => null;

    public bool RecordExists => false;

    public Task ReadStateAsync() => Task.CompletedTask;

    public Task WriteStateAsync() => Task.CompletedTask;

    public Task ClearStateAsync() => Task.CompletedTask;
}
