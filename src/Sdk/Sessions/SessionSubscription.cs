using System.Text.Json;
using MindPeeker.Sdk.Http;
using MindPeeker.Sdk.Realtime;

namespace MindPeeker.Sdk.Sessions;

/// <summary>
/// A live subscription to one session's updates over the SignalR hub <c>/v1/ws</c>. The callback gets every
/// <c>session_update</c> newer than <see cref="Sequence"/>, in order, one at a time on the connection's receive
/// loop (keep it short). <see cref="Closed"/> completes when the connection ends; dispose to unsubscribe and disconnect.
/// </summary>
public sealed class SessionSubscription : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _lastSequence;

    private SessionSubscription(HubConnection connection, Session snapshot, long sequence)
    {
        _connection = connection;
        Snapshot = snapshot;
        Sequence = sequence;
        _lastSequence = sequence;
    }

    /// <summary>The session when the subscription began (the hub answers a subset of the fields: no cue, parameters or metadata).</summary>
    public Session Snapshot { get; }

    /// <summary>The sequence of the last update <see cref="Snapshot"/> reflects.</summary>
    public long Sequence { get; }

    /// <summary>Completes when the connection ended; faulted when it was lost or closed by the server with an error.</summary>
    public Task Closed => _connection.Closed;

    internal static async Task<SessionSubscription> StartAsync(ApiConnection api, Guid sessionId, Action<SessionUpdate> onUpdate, CancellationToken cancellationToken)
    {
        var connection = await HubConnection.ConnectAsync(api, "/v1/ws", cancellationToken).ConfigureAwait(false);
        SessionSubscription? subscription = null;
        var early = new List<SessionUpdate>();
        var gate = new Lock();
        connection.On("session_update", arguments =>
        {
            var update = arguments[0].Deserialize<SessionUpdate>(ApiConnection.Json);
            if (update is null || update.SessionId != sessionId)
            {
                return;
            }

            lock (gate)
            {
                if (subscription is null)
                {
                    early.Add(update);
                }
                else
                {
                    subscription.Deliver(update, onUpdate);
                }
            }
        });

        try
        {
            var answer = await connection.InvokeAsync("Subscribe", [sessionId.ToString()], cancellationToken).ConfigureAwait(false);
            var snapshot = answer.GetProperty("session").Deserialize<Session>(ApiConnection.Json) ?? throw new MindPeekerApiException("The hub answered no session.");
            var created = new SessionSubscription(connection, snapshot, answer.GetProperty("sequence").GetInt64());
            lock (gate)
            {
                subscription = created;
                foreach (var update in early)
                {
                    created.Deliver(update, onUpdate);
                }
            }

            return created;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Deliver(SessionUpdate update, Action<SessionUpdate> onUpdate)
    {
        // An update at or below the subscription's sequence is already in the snapshot (docs/realtime.md).
        if (update.Sequence <= _lastSequence)
        {
            return;
        }

        _lastSequence = update.Sequence;
        onUpdate(update);
    }
}
