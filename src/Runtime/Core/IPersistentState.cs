namespace MindPeeker.Runtime;

/// <summary>
/// A grain's persisted state, injected through a constructor parameter marked
/// <see cref="PersistentStateAttribute"/>. Loaded before <see cref="Grain.OnActivateAsync"/>.
/// Not thread-safe: use it only from the owning activation's turns.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The storage version last seen; <c>null</c> when nothing was ever written.</summary>
    string? Etag { get; }

    /// <summary>Whether storage holds a record (false after <see cref="ClearStateAsync"/>).</summary>
    bool RecordExists { get; }

    Task ReadStateAsync();

    /// <summary>Writes <see cref="State"/>; throws <see cref="InconsistentStateException"/> when the ETag is stale.</summary>
    Task WriteStateAsync();

    /// <summary>Clears the record and resets <see cref="State"/>; throws <see cref="InconsistentStateException"/> when the ETag is stale.</summary>
    Task ClearStateAsync();
}
