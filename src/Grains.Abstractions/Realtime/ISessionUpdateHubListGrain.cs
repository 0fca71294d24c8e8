using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Realtime;

/// <summary>
/// The cluster's list of front-end observers (the <c>HubListGrain</c> of Orleans' GPS-tracker sample); one
/// grain, key 0. Front ends register their observer at start and renew it periodically; an observer not
/// renewed within the expiry drops out, so a crashed front end stops receiving calls. The list is persisted,
/// so it survives the grain moving to another silo.
/// </summary>
public interface ISessionUpdateHubListGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews <paramref name="observer"/>.</summary>
    Task Register(ISessionUpdateObserver observer);

    /// <summary>Removes <paramref name="observer"/> (a front end shutting down).</summary>
    Task Unregister(ISessionUpdateObserver observer);

    /// <summary>The observers registered and not expired.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ISessionUpdateObserver>> GetObservers();
}
