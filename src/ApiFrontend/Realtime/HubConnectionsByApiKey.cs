using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// The hub connections opened with each API key, so revoking a key also closes the live connections
/// it opened: revocation takes effect on open WebSockets, not only on the next request. Thread-safe.
/// Covers this front end's connections; with several front ends (issue 4) each one must be told.
/// </summary>
internal sealed class HubConnectionsByApiKey
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _connections = new();

    public void Add(Guid apiKeyId, HubCallerContext connection) =>
        _connections.GetOrAdd(apiKeyId, static _ => new())[connection.ConnectionId] = connection;

    public void Remove(Guid apiKeyId, HubCallerContext connection)
    {
        if (_connections.TryGetValue(apiKeyId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
        }
    }

    /// <summary>Closes every connection opened with the key; returns how many.</summary>
    public int CloseAll(Guid apiKeyId)
    {
        if (!_connections.TryRemove(apiKeyId, out var connections))
        {
            return 0;
        }

        foreach (var connection in connections.Values)
        {
            connection.Abort();
        }

        return connections.Count;
    }
}
