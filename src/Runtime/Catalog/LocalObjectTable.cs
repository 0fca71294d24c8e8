using System.Collections.Concurrent;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// The observer objects of this process that references made by <c>CreateObjectReference</c> point at.
/// An observer's id is <c>sys.observer/{owner}/{guid}</c>, where the owner names this process (its silo
/// address or client id), so any silo can tell where to send a call. Thread-safe.
/// </summary>
internal sealed class LocalObjectTable(string owner)
{
    /// <summary>The grain type part of every observer id.</summary>
    public const string ObserverGrainType = "sys.observer";

    private readonly ConcurrentDictionary<GrainId, IGrainObserver> _objects = new();

    /// <summary>Names this process in the ids it hands out.</summary>
    public string Owner { get; private set; } = owner;

    /// <summary>Renames this process (to its silo address once the cluster assigned one); only before any observer exists.</summary>
    public void AssignOwner(string newOwner)
    {
        ArgumentException.ThrowIfNullOrEmpty(newOwner);
        if (!_objects.IsEmpty && !string.Equals(newOwner, Owner, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Observers were created before the silo joined the cluster; create them after start-up.");
        }

        Owner = newOwner;
    }

    public int Count => _objects.Count;

    public static bool IsObserver(GrainId grainId) => string.Equals(grainId.Type, ObserverGrainType, StringComparison.Ordinal);

    /// <summary>The owner part of an observer id.</summary>
    public static string GetOwner(GrainId observerId)
    {
        var slash = observerId.Key.LastIndexOf('/');
        return slash > 0 ? observerId.Key[..slash] : observerId.Key;
    }

    public GrainId Register(IGrainObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var id = GrainId.Create(ObserverGrainType, Owner + "/" + Guid.NewGuid().ToString("N"));
        _objects[id] = observer;
        return id;
    }

    public bool Remove(GrainId observerId) => _objects.TryRemove(observerId, out _);

    public bool IsLocal(GrainId observerId) => string.Equals(GetOwner(observerId), Owner, StringComparison.Ordinal);

    /// <summary>Runs the request on the observer object on the thread pool; fails it when the object is gone.</summary>
    public void Invoke(GrainId observerId, GrainRequest request)
    {
        if (!_objects.TryGetValue(observerId, out var observer))
        {
            request.TryFail(new InvalidOperationException(
                $"Observer {observerId} is not registered in this process (deleted, or the process restarted); {request.Method.DisplayName} was not delivered."));
            return;
        }

        request.Host = ObserverRequestHost.Instance;
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.request.Start(state.observer, filters: null), (request, observer), preferLocal: false);
    }

    private sealed class ObserverRequestHost : IGrainRequestHost
    {
        public static readonly ObserverRequestHost Instance = new();

        public void OnRequestCompleted(GrainRequest request, Exception? error)
        {
        }
    }
}
