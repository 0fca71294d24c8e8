using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>Where a silo puts a call that arrived over the wire (see <see cref="InboundCallHandler"/>).</summary>
internal sealed class SiloCallDispatcher(SiloRuntime runtime, ClusterRouter router)
{
    private InboundCallHandler? _handler;

    public void Attach(InboundCallHandler handler) => _handler = handler;

    /// <summary>Delivers the call; false when it was answered already (rejected) and no result will follow.</summary>
    public bool Dispatch(GrainId grainId, GrainRequest request, IMessageConnection connection, Message message)
    {
        // Clients and observer calls: route like a call made here.
        if (connection.RemoteClientId is not null || LocalObjectTable.IsObserver(grainId))
        {
            router.Route(grainId, request, cacheOn: null);
            return true;
        }

        if (!runtime.Registry.TryGetClass(grainId.Type, out var descriptor))
        {
            _handler?.Reject(connection, message, ResponseStatus.UnknownGrainType, $"No grain class with grain type '{grainId.Type}' is registered in silo {router.LocalSilo}.");
            return false;
        }

        // The sender named an activation (from the directory) and this silo has none of the grain: "not here".
        if (message.TargetActivation != Guid.Empty
            && !descriptor.IsStatelessWorker
            && !runtime.Catalog.TryGetActivation(grainId, out _))
        {
            _handler?.Reject(connection, message, ResponseStatus.NotHere, $"Grain {grainId} activation {message.TargetActivation} is not on silo {router.LocalSilo}.");
            return false;
        }

        runtime.Catalog.Dispatch(grainId, request, cacheOn: null);
        return true;
    }
}
