namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// A request sent on a connection and waiting for its response. Awaited requests (<see cref="Handler"/> null) complete
/// their task inline on the thread that completes them (the reader loop, for a response) up to the continuation's
/// first incomplete await: the awaiting code must not block synchronously. Requests with a <see cref="Handler"/> are
/// answered through it instead, off the reader loop, and their task is never completed.
/// </summary>
internal sealed class PendingRequest(Message request, long deadline, TimeSpan timeout, IResponseHandler? handler = null)
    : TaskCompletionSource<Message>(handler, TaskCreationOptions.None)
{
    public Message Request { get; } = request;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> value after which the request times out; <see cref="long.MaxValue"/> for none.</summary>
    public long Deadline { get; } = deadline;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Who gets the outcome instead of the task; null for awaited requests. Kept as the task's state, which costs no extra field.</summary>
    public IResponseHandler? Handler => (IResponseHandler?)Task.AsyncState;

    public CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>Fails the request: through its handler, else its task.</summary>
    public void Fail(Exception error)
    {
        if (Handler is { } handler)
        {
            handler.OnFailure(error);
        }
        else
        {
            TrySetException(error);
        }
    }
}
