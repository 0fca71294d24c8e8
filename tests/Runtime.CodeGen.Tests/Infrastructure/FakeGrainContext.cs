namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>A grain context that hands out <see cref="FakePersistentState{TState}"/> so tests can see what was asked for.</summary>
internal sealed class FakeGrainContext(IServiceProvider services) : IGrainContext
{
    public GrainId GrainId { get; } = GrainId.Create("test", "1");

    public IServiceProvider ActivationServices { get; } = services;

    public object? GrainInstance => null;

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName = null) =>
        new FakePersistentState<TState>(stateName, storageName);
}
