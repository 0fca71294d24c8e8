namespace MindPeeker.Runtime.Storage;

/// <summary>A state value with the storage metadata that travels with it. Not thread-safe.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>The plain <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public GrainState()
        : this(GrainStateFactory<T>.Create())
    {
    }

    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
