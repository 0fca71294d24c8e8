using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Directory;
using MindPeeker.Runtime.Cluster.Hosting;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Cluster.Placement;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Messaging;
using Npgsql;

namespace MindPeeker.Runtime.Hosting;

public static class ClusteringSiloBuilderExtensions
{
    /// <summary>
    /// Makes the silo a member of the cluster <c>Silo:ClusterId</c> (Orleans' <c>UseAdoNetClustering</c> plus the
    /// ADO.NET grain directory): membership table, grain directory and TCP transport on PostgreSQL reached through
    /// <paramref name="dataSource"/> (default: the host's <see cref="NpgsqlDataSource"/> singleton). The silo
    /// listens on <c>Silo:Endpoints</c> and registers its own <see cref="SiloAddress"/> once bound.
    /// </summary>
    public static ISiloBuilder UseClustering(this ISiloBuilder builder, Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var clusterId = builder.Configuration[$"{SiloOptions.SectionName}:{nameof(SiloOptions.ClusterId)}"] is { Length: > 0 } configured ? configured : "dev";
        var source = dataSource ?? (sp => sp.GetRequiredService<NpgsqlDataSource>());

        // The cluster tables live where the membership does, whatever the grain storage is; before the silo joins.
        services.AddHostedService(sp => new ClusterSchemaMigration(source(sp), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Storage.PostgreSql.PostgreSqlSchemaMigrator>>()));
        services.AddClusterTransport(clusterId);
        services.AddClusterMembership(clusterId, source);
        services.TryAddSingleton(sp =>
        {
            // Binding the listener fixes the silo's address (the port may be chosen by the OS); the generation
            // tells this start apart from earlier ones on the same endpoint.
            var generation = (int)(sp.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() - 1_700_000_000);
            var address = sp.GetRequiredService<ConnectionListener>().Start(generation);
            var silo = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return new LocalSiloDetails(address, silo.SiloName, Environment.MachineName, silo.EffectiveRoles);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<LocalSiloDetails>().Address);
        services.TryAddSingleton<IGrainDirectory>(sp => new PostgreSqlGrainDirectory(source(sp), clusterId));
        services.TryAddSingleton(_ => new GrainDirectoryCache());
        services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.SectionName);
        services.TryAddSingleton<PlacementDirector>();
        services.TryAddSingleton<ClusterSiloLifecycle>();
        services.AddSingleton<IClusterRuntimeView>(sp =>
        {
            var lifecycle = sp.GetRequiredService<ClusterSiloLifecycle>();
            var connections = sp.GetRequiredService<ConnectionManager>();
            return new ClusterRuntimeView(
                sp.GetRequiredService<IClusterMembershipService>(),
                (silo, token) => connections.GetConnectionAsync(silo, token),
                silo => silo.Equals(lifecycle.LocalSilo) ? lifecycle.Report() : null);
        });
        services.AddSingleton<ISiloControl>(sp =>
        {
            var connections = sp.GetRequiredService<ConnectionManager>();
            return new ClusterSiloControl(
                sp.GetRequiredService<IClusterMembershipService>(),
                (silo, token) => connections.GetConnectionAsync(silo, token),
                sp.GetRequiredService<LocalSiloDetails>().Address,
                sp.GetRequiredService<SiloControlHandlers>(),
                sp.GetRequiredService<IOptions<SiloControlOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClusterSiloControl>>());
        });
        return builder;
    }
}
