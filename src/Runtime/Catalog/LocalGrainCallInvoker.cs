using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// Delivers calls to activations in this silo. The fast path reuses the activation a reference
/// reached last time; otherwise the catalog finds or creates it.
/// </summary>
internal sealed class LocalGrainCallInvoker(SiloRuntime runtime) : IGrainCallInvoker
{
    public void Send(GrainReference target, GrainRequest request)
    {
        request.RequestContextData = RequestContext.Export();
        var now = runtime.TimeProvider.GetTimestamp();
        request.SentTimestamp = now;
        request.DeadlineTimestamp = now + runtime.ResponseTimeoutTicks;

        switch (target.CachedActivation)
        {
            case ActivationData activation when activation.TryEnqueue(request):
                return;
            case StatelessWorkerPool pool:
                pool.Enqueue(request);
                return;
        }

        runtime.Catalog.Dispatch(target.GrainId, request, target);
    }
}
