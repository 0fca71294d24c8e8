using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// This front end's observer: pushes each batch from the notifiers to the hub groups
/// <c>session:{id}</c> (the <c>RemoteLocationHub</c> of Orleans' GPS-tracker sample). A session's
/// updates are sent one after another, each after the previous one was written to every subscribed
/// connection; different sessions go out concurrently. It returns when the whole batch is written,
/// which is what keeps a session's order across batches.
/// </summary>
internal sealed class HubSessionUpdateObserver(
    IHubContext<SessionUpdatesHub> hub,
    IOptions<RealtimeOptions> options,
    TimeProvider timeProvider) : ISessionUpdateObserver
{
    private readonly TimeSpan _sendTimeout = options.Value.SendTimeout;

    public async Task OnSessionUpdates(IReadOnlyList<SessionUpdate> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var timeout = new CancellationTokenSource(_sendTimeout, timeProvider);
        var runs = SplitBySession(batch);
        if (runs.Count == 1)
        {
            await SendInOrderAsync(runs[0], timeout.Token);
            return;
        }

        var sends = new Task[runs.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = SendInOrderAsync(runs[i], timeout.Token);
        }

        await Task.WhenAll(sends);
    }

    /// <summary>The batch split into one list per session, each in batch order.</summary>
    private static List<List<SessionUpdate>> SplitBySession(IReadOnlyList<SessionUpdate> batch)
    {
        var runs = new List<List<SessionUpdate>>();
        var bySession = batch.Count > 1 ? new Dictionary<Guid, List<SessionUpdate>>(batch.Count) : null;
        foreach (var update in batch)
        {
            if (bySession is not null && bySession.TryGetValue(update.SessionId, out var run))
            {
                run.Add(update);
                continue;
            }

            run = [update];
            runs.Add(run);
            bySession?.Add(update.SessionId, run);
        }

        return runs;
    }

    private async Task SendInOrderAsync(List<SessionUpdate> run, CancellationToken cancellationToken)
    {
        // Past the send timeout a write that cannot finish fails (SignalR aborts that connection) and
        // the rest of this run is not sent; subscribers see the gap and read it from the events endpoint.
        var group = hub.Clients.Group(SessionGroups.Of(run[0].SessionId));
        foreach (var update in run)
        {
            await group.SendAsync(SessionUpdateMessage.EventName, SessionUpdateMessage.From(update), cancellationToken);
        }
    }
}
