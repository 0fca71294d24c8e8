namespace MindPeeker.Runtime.Storage;

/// <summary>
/// A grain state store, registered as a keyed singleton under its provider name. Implementations
/// are thread-safe and use the ETag for optimistic concurrency (see <c>docs/runtime.md</c>,
/// "Storage contract"): a write or clear whose ETag does not match storage throws
/// <see cref="InconsistentStateException"/>; a successful one sets the new ETag on the state passed in.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Loads the state; when there is none, sets a fresh state, <c>RecordExists = false</c> and the ETag of a cleared record (or null).</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Clears the record: afterwards it does not exist, the state is fresh and the ETag is new.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
