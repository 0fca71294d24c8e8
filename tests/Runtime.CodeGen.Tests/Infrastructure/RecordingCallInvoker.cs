using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>
/// Records what proxies send. With a target it also runs each request on that object, as an
/// activation would, so the caller's task completes with the target's result.
/// </summary>
internal sealed class RecordingCallInvoker(object? grain = null) : IGrainCallInvoker, IGrainRequestHost
{
    public List<(GrainReference Target, GrainRequest Request)> Sent { get; } = [];

    public GrainRequest LastRequest => Sent[^1].Request;

    public void Send(GrainReference target, GrainRequest request)
    {
        Sent.Add((target, request));
        if (grain is not null)
        {
            request.Host = this;
            request.Start(grain, filters: null);
        }
    }

    public void OnRequestCompleted(GrainRequest request, Exception? error)
    {
    }
}
