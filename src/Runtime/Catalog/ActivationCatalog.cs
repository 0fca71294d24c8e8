using System.Collections.Concurrent;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// The silo's activations: exactly one per grain id (an entry stays until its deactivation has
/// finished, so a successor never overlaps it) and one worker pool per stateless worker id.
/// Thread-safe.
/// </summary>
internal sealed class ActivationCatalog(SiloRuntime runtime) : IActivationOwner
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> _workerPools = new();
    private volatile bool _stopping;

    public int Count => _activations.Count + _workerPools.Values.Sum(pool => pool.Count);

    /// <summary>Delivers a request to the grain's activation, creating it when needed.</summary>
    public void Dispatch(GrainId grainId, GrainRequest request, GrainReference? cacheOn)
    {
        if (!runtime.Registry.TryGetClass(grainId.Type, out var descriptor))
        {
            request.TryFail(new InvalidOperationException(
                $"No grain class with grain type '{grainId.Type}' is registered in this silo (grain {grainId}, method {request.Method.DisplayName})."));
            return;
        }

        if (descriptor.IsStatelessWorker)
        {
            var pool = _workerPools.GetOrAdd(grainId, static (id, state) => new StatelessWorkerPool(state.runtime, state.descriptor, id), (runtime, descriptor));
            cacheOn?.CachedActivation = pool;
            pool.Enqueue(request);
            return;
        }

        while (true)
        {
            if (_stopping && runtime.Router is { } router)
            {
                router.RouteAway(grainId, request);
                return;
            }

            if (_stopping)
            {
                request.TryFail(new SiloUnavailableException($"The silo is shutting down; {request.Method.DisplayName} on {grainId} was not delivered."));
                return;
            }

            var activation = _activations.GetOrAdd(grainId, static (id, state) => new ActivationData(state.runtime, state.descriptor, id, state.catalog), (runtime, descriptor, catalog: this));
            if (activation.TryEnqueue(request))
            {
                cacheOn?.CachedActivation = activation;
                return;
            }

            _activations.TryRemove(KeyValuePair.Create(grainId, activation));
        }
    }

    public void OnActivationInvalid(ActivationData activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public void Redispatch(GrainRequest request, GrainId grainId)
    {
        if (runtime.Router is { } router)
        {
            router.Route(grainId, request, cacheOn: null);
        }
        else
        {
            Dispatch(grainId, request, cacheOn: null);
        }
    }

    /// <summary>True while the catalog refuses new activations (graceful shutdown).</summary>
    public bool IsStopping => _stopping;

    /// <summary>Every activation, including stateless workers; a moving snapshot.</summary>
    public IEnumerable<ActivationData> EnumerateActivations()
    {
        foreach (var activation in _activations.Values)
        {
            yield return activation;
        }

        foreach (var pool in _workerPools.Values)
        {
            foreach (var worker in pool.Snapshot())
            {
                yield return worker;
            }
        }
    }

    public bool TryGetActivation(GrainId grainId, out ActivationData? activation) =>
        _activations.TryGetValue(grainId, out activation);

    /// <summary>Refuses new calls and deactivates everything, waiting for running calls to finish.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping = true;
        var deactivations = new List<Task>();
        foreach (var activation in EnumerateActivations())
        {
            activation.DeactivateOnIdle(reason);
            deactivations.Add(activation.Deactivated);
        }

        await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
    }
}
