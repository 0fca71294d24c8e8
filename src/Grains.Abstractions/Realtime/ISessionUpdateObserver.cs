using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Realtime;

/// <summary>
/// A front end's receiver of session updates (the <c>IRemoteLocationHub</c> of Orleans' GPS-tracker
/// sample): one per front-end process, made reachable with <c>IGrainFactory.CreateObjectReference</c>
/// and registered with <see cref="ISessionUpdateHubListGrain"/>. Notifiers on any silo call it over the
/// wire (or in-process when the front end is co-hosted), at most once at a time per batch they deliver.
/// </summary>
public interface ISessionUpdateObserver : IGrainObserver
{
    /// <summary>
    /// Delivers one batch. Updates of one session appear in the order they were published (rising
    /// <see cref="SessionUpdate.Sequence"/>), and the next update of that session is published only
    /// after this call completed, so an implementation that finishes its sends before returning keeps
    /// every session's order. A throw is logged by the notifier and affects this observer only.
    /// </summary>
    Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch);
}
