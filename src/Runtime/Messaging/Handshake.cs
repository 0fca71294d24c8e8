using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>The Hello exchange of docs/wire-protocol.md: who each side is, and whether the listener is the silo the connector meant.</summary>
internal static class Handshake
{
    public static HelloPayload ForSilo(SiloAddress self, SiloAddress? target, string clusterId) =>
        new(WireProtocol.Version, HelloPayload.SiloKind, self.ToString(), target?.ToString(), null, clusterId);

    public static HelloPayload ForClient(string clientId, string clusterId) =>
        new(WireProtocol.Version, HelloPayload.ClientKind, null, null, clientId, clusterId);

    /// <summary>
    /// Connector side: sends <paramref name="self"/>, reads the listener's Hello and checks it. Throws
    /// <see cref="ConnectionFailedException"/> naming both sides when the listener is not <paramref name="expected"/>,
    /// is in another cluster, or speaks another protocol version.
    /// </summary>
    public static async Task<HelloPayload> ConnectAsync(MessageConnection connection, HelloPayload self, SiloAddress? expected, CancellationToken cancellationToken)
    {
        await connection.SendHelloAsync(self, cancellationToken).ConfigureAwait(false);
        HelloPayload peer;
        try
        {
            peer = await connection.ReadHelloAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WireProtocolException exception)
        {
            throw new ConnectionFailedException($"The handshake with {connection.RemoteEndpoint} failed: {exception.Message}", exception);
        }

        var endpoint = connection.RemoteEndpoint;
        // Hello states the highest version a side speaks; both then use the lower one, so only an older peer is refused.
        if (peer.Protocol < WireProtocol.Version)
        {
            throw new ConnectionFailedException($"{endpoint} speaks protocol version {peer.Protocol}; this process speaks protocol version {WireProtocol.Version}.");
        }

        if (!string.Equals(peer.ClusterId, self.ClusterId, StringComparison.Ordinal))
        {
            throw new ConnectionFailedException($"{endpoint} belongs to cluster '{peer.ClusterId}'; this process belongs to cluster '{self.ClusterId}'.");
        }

        if (peer.Kind != HelloPayload.SiloKind || !SiloAddress.TryParse(peer.Silo, out var actual))
        {
            throw new ConnectionFailedException($"{endpoint} answered the handshake as '{peer.Kind}' without a silo address; only silos accept connections.");
        }

        if (expected is not null && actual != expected)
        {
            throw new ConnectionFailedException(
                $"Expected silo {expected} at {endpoint}, but silo {actual} answered: the silo there restarted with a new generation or another silo took its endpoint.");
        }

        return peer;
    }

    /// <summary>Listener side: why the connector's <paramref name="peer"/> Hello is refused, or null when it is accepted.</summary>
    public static string? Reject(HelloPayload peer, SiloAddress self, string clusterId)
    {
        if (peer.Protocol < WireProtocol.Version)
        {
            return $"the peer speaks protocol version {peer.Protocol}; this silo speaks protocol version {WireProtocol.Version}";
        }

        if (!string.Equals(peer.ClusterId, clusterId, StringComparison.Ordinal))
        {
            return $"the peer belongs to cluster '{peer.ClusterId}'; this silo {self} belongs to cluster '{clusterId}'";
        }

        return peer.Kind switch
        {
            HelloPayload.SiloKind when !SiloAddress.TryParse(peer.Silo, out _) => $"the peer says it is a silo but gives no valid silo address ('{peer.Silo}')",
            HelloPayload.SiloKind when peer.Target is { } target && target != self.ToString() => $"the peer expected silo {target} but this is silo {self}",
            HelloPayload.SiloKind => null,
            HelloPayload.ClientKind when string.IsNullOrWhiteSpace(peer.ClientId) => "the peer says it is a client but gives no client id",
            HelloPayload.ClientKind => null,
            _ => $"the peer is of unknown kind '{peer.Kind}'",
        };
    }
}
