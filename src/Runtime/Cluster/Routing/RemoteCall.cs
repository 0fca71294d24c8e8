using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>
/// One grain request sent to another process, waiting for its answer. A response completes the request on the response
/// batch's thread-pool thread and runs the caller's continuation right there (a grain caller's continuation still goes
/// to its activation's scheduler), which saves a thread-pool hop per call; a failure completes it wherever it was found,
/// continuation queued as usual. Outcomes that need the call routed again go to <see cref="NotCompleted"/>.
/// </summary>
internal sealed class RemoteCall(
    RemoteCallSender sender,
    GrainRequest request,
    GrainId grainId,
    RemoteTarget target,
    Action<RemoteCall, RemoteSendOutcome> notCompleted) : IResponseHandler
{
    public GrainRequest Request { get; } = request;

    public GrainId GrainId { get; } = grainId;

    public RemoteTarget Target { get; } = target;

    /// <summary>For the caller's retry logic: how many targets were tried before this one, and why they failed.</summary>
    public int Attempt { get; init; }

    /// <inheritdoc cref="Attempt"/>
    public List<string>? Failures { get; init; }

    /// <summary>The timeout the request was sent with, for error messages.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Runs when the call must go elsewhere (not here, leaving, not sent); never on a connection's reader loop.</summary>
    public Action<RemoteCall, RemoteSendOutcome> NotCompleted { get; } = notCompleted;

    public void OnResponse(Message response)
    {
        if (RemoteCallSender.MustReroute(response.Status))
        {
            NotCompleted(this, RemoteSendOutcome.Reroute);
            return;
        }

        // Only for a response that completes the call: a rerouted request may later complete inside a grain turn,
        // where a non-grain caller's continuation must not run.
        Request.ContinueInline();
        sender.Complete(Request, response, Target);
    }

    public void OnFailure(Exception error)
    {
        if (sender.Fail(this, error) != RemoteSendOutcome.Completed)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static call => call.NotCompleted(call, RemoteSendOutcome.NotSent), this, preferLocal: false);
        }
    }
}
