using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// Delivers calls in a multi-silo cluster: finds (or places) the grain's activation through the
/// directory and sends the request there, locally or over the wire. Set on <see cref="SiloRuntime.Router"/>.
/// </summary>
internal interface IClusterRouter
{
    /// <summary>Routes a call made in this process; <paramref name="cacheOn"/> may remember a local activation.</summary>
    void Route(GrainId grainId, GrainRequest request, GrainReference? cacheOn);

    /// <summary>Routes a call this silo can no longer serve (shutting down, or its activation lost the directory race) to another silo.</summary>
    void RouteAway(GrainId grainId, GrainRequest request);

    /// <summary>Registers a new local activation; null when it won, else the address of the activation that did.</summary>
    ValueTask<Cluster.GrainAddress?> RegisterActivationAsync(GrainId grainId, Guid activationId);

    /// <summary>Removes a local activation's directory row (best effort, bounded wait).</summary>
    Task UnregisterActivationAsync(GrainId grainId, Guid activationId);
}
