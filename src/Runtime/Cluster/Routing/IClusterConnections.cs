using System.Diagnostics.CodeAnalysis;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>The connections the call layer sends over: to silos by address, and back to connected clients.</summary>
internal interface IClusterConnections
{
    /// <summary>The (shared, long-lived) connection to <paramref name="silo"/>, connecting when needed.</summary>
    ValueTask<IMessageConnection> GetSiloConnectionAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>A live inbound connection from the cluster client <paramref name="clientId"/>, if it is connected here.</summary>
    bool TryGetClientConnection(string clientId, [NotNullWhen(true)] out IMessageConnection? connection);
}
