namespace MindPeeker.Runtime.Messaging;

/// <summary>A request sent on a connection and waiting for its response; completes on the thread pool, never inline on the reader loop.</summary>
internal sealed class PendingRequest(Message request, long deadline, TimeSpan timeout)
    : TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public Message Request { get; } = request;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> value after which the request times out; <see cref="long.MaxValue"/> for none.</summary>
    public long Deadline { get; } = deadline;

    public TimeSpan Timeout { get; } = timeout;

    public CancellationTokenRegistration Cancellation { get; set; }
}
