using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// The real-time hub at <c>/v1/ws</c> (API.md, "Real time"). Clients call <c>Subscribe(sessionId)</c>
/// and <c>Unsubscribe(sessionId)</c>; the server sends <c>session_update</c> to the group of each
/// subscribed session. Only the session's owner or an admin may subscribe; anyone else hears
/// "Session not found", exactly as for a session that does not exist.
/// </summary>
/// <remarks>The connection itself needs <c>sessions:read</c> (see <see cref="RealtimeFeature.MapRealtimeFeature"/>).</remarks>
internal sealed class SessionUpdatesHub(
    IGrainFactory grains,
    IOptions<RealtimeOptions> options,
    HubConnectionsByApiKey connectionsByApiKey,
    ILogger<SessionUpdatesHub> logger) : Hub
{
    private const string NotFound = "Session not found";

    public override Task OnConnectedAsync()
    {
        if (Context.User?.GetApiKeyId() is { } apiKeyId)
        {
            connectionsByApiKey.Add(apiKeyId, Context);
        }

        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.GetApiKeyId() is { } apiKeyId)
        {
            connectionsByApiKey.Remove(apiKeyId, Context);
        }

        return base.OnDisconnectedAsync(exception);
    }

    public async Task<SubscribedSession> Subscribe(string sessionId)
    {
        var access = Access();
        if (access is null || !Guid.TryParse(sessionId, out var id))
        {
            throw Refuse(sessionId);
        }

        var subscriptions = Subscriptions();
        if (!subscriptions.Contains(id) && subscriptions.Count >= options.Value.MaxSubscriptionsPerConnection)
        {
            throw new HubException($"A connection may subscribe to at most {options.Value.MaxSubscriptionsPerConnection} sessions.");
        }

        var session = grains.GetGrain<ISessionGrain>(id);

        // Visible first, so another user's connection never joins the group even for a moment;
        // then join, then read the state: an update newer than that state is sent after the join.
        if (await session.Get(access) is null)
        {
            throw Refuse(sessionId);
        }

        var group = SessionGroups.Of(id);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        var snapshot = await session.Get(access);
        if (snapshot is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw Refuse(sessionId);
        }

        subscriptions.Add(id);
        RealtimeLog.Subscribed(logger, Context.ConnectionId, id, snapshot.LastSequence);
        return SubscribedSession.From(snapshot);
    }

    public async Task Unsubscribe(string sessionId)
    {
        if (Guid.TryParse(sessionId, out var id) && Subscriptions().Remove(id))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroups.Of(id));
        }
    }

    private SessionAccess? Access() =>
        Context.User is { Identity.IsAuthenticated: true } user ? new SessionAccess(user.GetUserId(), user.IsAdmin()) : null;

    /// <summary>The sessions this connection subscribed to; a connection's invocations run one at a time.</summary>
    private HashSet<Guid> Subscriptions()
    {
        if (Context.Items.TryGetValue(typeof(SessionUpdatesHub), out var value) && value is HashSet<Guid> existing)
        {
            return existing;
        }

        var created = new HashSet<Guid>();
        Context.Items[typeof(SessionUpdatesHub)] = created;
        return created;
    }

    private HubException Refuse(string sessionId)
    {
        RealtimeLog.SubscribeRefused(logger, Context.ConnectionId, sessionId);
        return new HubException(NotFound);
    }
}
