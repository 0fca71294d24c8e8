using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Outbound;

public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers SSRF-guarded outbound HTTP: <see cref="OutboundHttpOptions"/> (bound from <c>Outbound</c>,
    /// validated on start), <see cref="DnsHostResolver"/> as the <see cref="OutboundHostResolver"/>,
    /// <see cref="OutboundAddressPolicy"/>, <see cref="OutboundUrlValidator"/>, <see cref="OutboundHttpClientFactory"/>
    /// and the start-up warning for the loopback development setting. Uses <c>TryAdd*</c> (a test's resolver
    /// registered first wins); idempotent: features that need it each call it.
    /// </summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(OutboundHttpClientFactory)))
        {
            // Webhooks, integrations and AI providers each ask for it; the options are bound once.
            return services;
        }

        services.AddOptions<OutboundHttpOptions>().BindConfiguration(OutboundHttpOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundHttpOptions>, OutboundHttpOptionsValidator>());
        services.TryAddSingleton<OutboundHostResolver, DnsHostResolver>();
        services.TryAddSingleton<OutboundAddressPolicy>();
        services.TryAddSingleton<OutboundUrlValidator>();
        services.TryAddSingleton<OutboundHttpClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OutboundLoopbackWarning>());
        return services;
    }
}
