namespace MindPeeker.Runtime;

/// <summary>A grain method in another process threw an exception whose type this process cannot recreate.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException()
    {
        OriginalTypeName = string.Empty;
    }

    public RemoteGrainException(string message)
        : base(message)
    {
        OriginalTypeName = string.Empty;
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalTypeName = string.Empty;
    }

    public RemoteGrainException(string originalTypeName, string message, Exception? innerException = null)
        : base($"{originalTypeName}: {message}", innerException)
    {
        OriginalTypeName = originalTypeName;
    }

    /// <summary>Full name of the exception type thrown remotely.</summary>
    public string OriginalTypeName { get; }
}
