using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Client;

/// <summary>A cluster client's connections to gateway silos.</summary>
internal interface IClientConnections
{
    ValueTask<IMessageConnection> GetGatewayConnectionAsync(SiloAddress gateway, CancellationToken cancellationToken);
}
