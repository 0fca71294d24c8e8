using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Cluster.Client;

internal static partial class ClusterClientLog
{
    [LoggerMessage(EventId = 8450, Level = LogLevel.Information, Message = "Cluster client {ClientId} connected: {GatewayCount} active gateways, {BindingCount} grain interfaces known.")]
    public static partial void Connected(ILogger logger, string clientId, int gatewayCount, int bindingCount);

    [LoggerMessage(EventId = 8451, Level = LogLevel.Warning, Message = "Gateway {Gateway} could not be reached; calls use the other gateways.")]
    public static partial void GatewayUnreachable(ILogger logger, Exception exception, SiloAddress gateway);
}
