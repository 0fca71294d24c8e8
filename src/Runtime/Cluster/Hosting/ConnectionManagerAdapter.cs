using System.Diagnostics.CodeAnalysis;
using MindPeeker.Runtime.Cluster.Client;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Hosting;

/// <summary>The transport's <see cref="ConnectionManager"/> as the call layer sees it.</summary>
internal sealed class ConnectionManagerAdapter(ConnectionManager connections) : IClusterConnections, IClientConnections
{
    public ValueTask<IMessageConnection> GetSiloConnectionAsync(SiloAddress silo, CancellationToken cancellationToken) =>
        connections.GetConnectionAsync(silo, cancellationToken);

    public ValueTask<IMessageConnection> GetGatewayConnectionAsync(SiloAddress gateway, CancellationToken cancellationToken) =>
        connections.GetConnectionAsync(gateway, cancellationToken);

    public bool TryGetClientConnection(string clientId, [NotNullWhen(true)] out IMessageConnection? connection) =>
        connections.TryGetClientConnection(clientId, out connection);
}
