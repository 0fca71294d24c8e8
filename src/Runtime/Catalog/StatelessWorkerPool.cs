using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// The local activations of one stateless worker grain id: an idle worker takes the next request;
/// a new worker is created only when all are busy and the limit allows; otherwise the least loaded
/// worker queues it. Thread-safe.
/// </summary>
internal sealed class StatelessWorkerPool(SiloRuntime runtime, GrainClassDescriptor descriptor, GrainId grainId) : IActivationOwner
{
    private readonly List<ActivationData> _workers = [];
    private readonly Lock _lock = new();

    public int MaxWorkers { get; } = descriptor.StatelessWorkerMaxLocal > 0 ? descriptor.StatelessWorkerMaxLocal : Environment.ProcessorCount;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public void Enqueue(GrainRequest request)
    {
        while (true)
        {
            var worker = Choose();
            if (worker.TryEnqueue(request))
            {
                return;
            }

            OnActivationInvalid(worker);
        }
    }

    public ActivationData[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _workers];
        }
    }

    public void OnActivationInvalid(ActivationData activation)
    {
        lock (_lock)
        {
            _workers.Remove(activation);
        }
    }

    public void Redispatch(GrainRequest request, GrainId id) => runtime.Catalog.Dispatch(id, request, cacheOn: null);

    private ActivationData Choose()
    {
        lock (_lock)
        {
            ActivationData? leastLoaded = null;
            foreach (var worker in _workers)
            {
                if (worker.Load == 0)
                {
                    return worker;
                }

                if (leastLoaded is null || worker.Load < leastLoaded.Load)
                {
                    leastLoaded = worker;
                }
            }

            if (leastLoaded is not null && _workers.Count >= MaxWorkers)
            {
                return leastLoaded;
            }

            var created = new ActivationData(runtime, descriptor, grainId, this);
            _workers.Add(created);
            return created;
        }
    }
}
