using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Client;
using MindPeeker.Runtime.Cluster.Hosting;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Messaging;
using Npgsql;

namespace MindPeeker.Runtime.Hosting;

public static class ClusterClientServiceCollectionExtensions
{
    /// <summary>
    /// Makes this process a cluster client (Orleans' <c>UseOrleansClient</c> with ADO.NET clustering): it reads
    /// the membership table of cluster <c>Cluster:ClusterId</c> through the host's <see cref="NpgsqlDataSource"/>
    /// singleton (or <paramref name="dataSource"/>), connects to every active gateway and registers an
    /// <see cref="IGrainFactory"/> for the grain interfaces in <paramref name="interfaceAssemblies"/>.
    /// Start-up waits (<see cref="ClusterClientOptions.GatewayWaitTimeout"/>) for a gateway to answer.
    /// </summary>
    public static IServiceCollection AddClusterClient(
        this IServiceCollection services,
        IConfiguration configuration,
        IEnumerable<Assembly> interfaceAssemblies,
        Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(interfaceAssemblies);
        var clusterId = configuration["Cluster:ClusterId"] is { Length: > 0 } configured ? configured : "dev";
        var assemblies = interfaceAssemblies.ToList();

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ClusterClientOptions>().BindConfiguration(ClusterClientOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddClusterTransport(clusterId);
        services.AddClusterMembershipReader(clusterId, dataSource);
        services.TryAddSingleton(_ => new GrainTypeRegistry(assemblies));
        services.TryAddSingleton(sp =>
        {
            var connections = sp.GetRequiredService<ConnectionManager>();
            var options = sp.GetRequiredService<IOptions<ClusterClientOptions>>();
            connections.BindLocalClient(options.Value.ClientId);
            var client = ActivatorUtilities.CreateInstance<ClusterClient>(sp, new ConnectionManagerAdapter(connections));
            sp.GetRequiredService<DeferredInboundMessageHandler>().Attach(client.InboundHandler);
            return client;
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ClusterClient>().GrainFactory);
        services.AddHostedService(sp => sp.GetRequiredService<ClusterClient>());
        services.TryAddSingleton<IClusterRuntimeView>(sp =>
        {
            var connections = sp.GetRequiredService<ConnectionManager>();
            return new ClusterRuntimeView(sp.GetRequiredService<IClusterMembershipService>(), (silo, token) => connections.GetConnectionAsync(silo, token), local: null);
        });
        services.AddOptions<SiloControlOptions>().BindConfiguration(SiloControlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISiloControl>(sp =>
        {
            var connections = sp.GetRequiredService<ConnectionManager>();
            return new ClusterSiloControl(
                sp.GetRequiredService<IClusterMembershipService>(),
                (silo, token) => connections.GetConnectionAsync(silo, token),
                localSilo: null,
                localHandlers: null,
                sp.GetRequiredService<IOptions<SiloControlOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClusterSiloControl>>());
        });
        return services;
    }
}
