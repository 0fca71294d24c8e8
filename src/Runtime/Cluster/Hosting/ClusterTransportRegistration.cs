using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Hosting;

/// <summary>The transport as both silos and cluster clients register it.</summary>
internal static class ClusterTransportRegistration
{
    /// <summary>
    /// The TCP transport for cluster <paramref name="clusterId"/>, with a <see cref="DeferredInboundMessageHandler"/>
    /// as its inbound handler (the silo or client attaches the real one once it is built).
    /// </summary>
    public static IServiceCollection AddClusterTransport(this IServiceCollection services, string clusterId)
    {
        services.AddMessagingTransport();
        services.PostConfigure<TransportOptions>(options => options.ClusterId = clusterId);
        services.TryAddSingleton<DeferredInboundMessageHandler>();
        services.TryAddSingleton<IInboundMessageHandler>(sp => sp.GetRequiredService<DeferredInboundMessageHandler>());
        return services;
    }
}
