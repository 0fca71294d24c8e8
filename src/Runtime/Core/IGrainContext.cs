namespace MindPeeker.Runtime;

/// <summary>
/// The runtime's view of one activation, available to the grain and to the code that constructs
/// it. Members are safe to call from the activation's own turns only.
/// </summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The silo's services.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>The grain instance (null while it is being constructed).</summary>
    object? GrainInstance { get; }

    /// <summary>
    /// Creates the persistent state bound to this activation; it is read before
    /// <see cref="Grain.OnActivateAsync"/> runs.
    /// </summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName = null);
}
