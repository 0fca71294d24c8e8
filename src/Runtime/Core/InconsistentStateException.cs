namespace MindPeeker.Runtime;

/// <summary>
/// A write used an ETag that no longer matches storage: another writer got there first. Thrown by
/// <see cref="IPersistentState{TState}.WriteStateAsync"/> and <see cref="IPersistentState{TState}.ClearStateAsync"/>.
/// When it escapes a grain call, the activation is deactivated so the next call reloads state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} Stored ETag: '{storedEtag ?? "<none>"}', ETag used: '{currentEtag ?? "<none>"}'.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag found in storage, if known.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer held.</summary>
    public string? CurrentEtag { get; }
}
