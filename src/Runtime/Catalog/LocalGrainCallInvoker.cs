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
        Diagnostics.GrainCallTracing.OnSend(request);
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

        var grainId = target.GrainId;
        if (LocalObjectTable.IsObserver(grainId) && runtime.LocalObjects.IsLocal(grainId))
        {
            runtime.LocalObjects.Invoke(grainId, request);
        }
        else if (runtime.Router is { } router)
        {
            router.Route(grainId, request, target);
        }
        else if (LocalObjectTable.IsObserver(grainId))
        {
            request.TryFail(new InvalidOperationException($"Observer {grainId} belongs to another process, and this silo is not part of a cluster."));
        }
        else
        {
            runtime.Catalog.Dispatch(grainId, request, target);
        }
    }
}
