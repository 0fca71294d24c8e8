namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// A request sent on a connection and waiting for its response. Its continuation runs inline on the thread that
/// completes it (the reader loop, for a response) up to the continuation's first incomplete await: the call layer
/// only decodes the response there and hands the caller's own continuation to the thread pool, which saves a thread
/// hop per remote call. Continuations must not block synchronously.
/// </summary>
internal sealed class PendingRequest(Message request, long deadline, TimeSpan timeout)
    : TaskCompletionSource<Message>(TaskCreationOptions.None)
{
    public Message Request { get; } = request;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> value after which the request times out; <see cref="long.MaxValue"/> for none.</summary>
    public long Deadline { get; } = deadline;

    public TimeSpan Timeout { get; } = timeout;

    public CancellationTokenRegistration Cancellation { get; set; }
}
