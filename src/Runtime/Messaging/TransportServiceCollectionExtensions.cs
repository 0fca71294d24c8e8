using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Registers the TCP transport. The host must also register an <see cref="IInboundMessageHandler"/>.</summary>
internal static class TransportServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TransportOptions"/> (<c>Silo:Transport</c>), <see cref="SiloEndpointsOptions"/>
    /// (<c>Silo:Endpoints</c>), both validated on start, and the <see cref="ConnectionManager"/>,
    /// <see cref="ConnectionListener"/> and <see cref="SiloConnectionProber"/> singletons. Nothing listens or
    /// connects until the silo calls <see cref="ConnectionListener.Start"/> (or a client calls
    /// <see cref="ConnectionManager.BindLocalClient"/>).
    /// </summary>
    public static IServiceCollection AddMessagingTransport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiloEndpointsOptions>().BindConfiguration(SiloEndpointsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TransportOptions>, TransportOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloEndpointsOptions>, SiloEndpointsOptionsValidator>());
        services.TryAddSingleton<ConnectionManager>();
        services.TryAddSingleton<ConnectionListener>();
        services.TryAddSingleton<ISiloProber, SiloConnectionProber>();
        return services;
    }
}
