using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Abstractions.Realtime;

/// <summary>
/// A front end's receiver of session updates (the <c>IRemoteLocationHub</c> of Orleans' GPS-tracker
/// sample): one per front-end host, registered with <see cref="SessionUpdateObservers"/>.
/// The notifier calls it off any grain's scheduler, at most once at a time per batch it delivers.
/// </summary>
public interface ISessionUpdateObserver
{
    /// <summary>
    /// Delivers one batch. Updates of one session appear in the order they were published (rising
    /// <see cref="SessionUpdate.Sequence"/>), and the next update of that session is published only
    /// after this call completed, so an implementation that finishes its sends before returning keeps
    /// every session's order. A throw is logged by the notifier and affects this observer only.
    /// </summary>
    Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch);
}
