namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// A call to an external dependency was refused because that dependency's bulkhead is full: its maximum number
/// of concurrent calls are running and its queue is full (or the call waited in the queue past its timeout).
/// </summary>
public sealed class BulkheadRejectedException : Exception
{
    public BulkheadRejectedException()
        : this("The bulkhead is full.")
    {
    }

    /// <summary>Used when the exception crosses a grain call: only the message survives the wire.</summary>
    public BulkheadRejectedException(string message)
        : base(message)
    {
        Dependency = string.Empty;
    }

    public BulkheadRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Dependency = string.Empty;
    }

    public BulkheadRejectedException(string dependency, int maxConcurrent, int maxQueue)
        : base($"'{dependency}' already runs {maxConcurrent} calls with {maxQueue} queued.")
    {
        Dependency = dependency;
    }

    /// <summary>The guarded dependency.</summary>
    public string Dependency { get; }
}
