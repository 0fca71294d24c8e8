namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>What a <see cref="SessionUpdate"/> reports (its <see cref="SessionUpdate.Event"/>).</summary>
public static class SessionEvents
{
    /// <summary>The session was accepted (status <c>pending</c>, progress 0). Always sequence 1.</summary>
    public const string Created = "created";

    /// <summary>Analysis began (status <c>processing</c>).</summary>
    public const string Started = "started";

    /// <summary>One analysis type produced its result; the result count and progress rose.</summary>
    public const string Result = "result";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    /// <summary>The client changed the session's metadata.</summary>
    public const string Updated = "updated";

    /// <summary>The client deleted the session; it is gone from the API afterwards.</summary>
    public const string Deleted = "deleted";
}
