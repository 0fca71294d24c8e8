using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;
using Npgsql;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>Registers cluster membership on PostgreSQL for a silo or a cluster client.</summary>
public static class ClusterMembershipServiceCollectionExtensions
{
    /// <summary>
    /// Registers the silo side: <see cref="ClusterMembershipOptions"/> (bound from <c>Silo:Membership</c>,
    /// validated on start), a <see cref="PostgreSqlMembershipTable"/> for <paramref name="clusterId"/> on the
    /// host's <see cref="NpgsqlDataSource"/> singleton (or <paramref name="dataSource"/>), the cluster schema
    /// migrations, the membership agent as <see cref="IClusterMembershipService"/>, and the default reaction to
    /// being declared dead (stop the host). The host must also register <see cref="LocalSiloDetails"/> and an
    /// <see cref="ISiloProber"/>, and drive the agent's lifecycle (join, active, shutting down, stopping, dead).
    /// </summary>
    public static IServiceCollection AddClusterMembership(
        this IServiceCollection services, string clusterId, Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        AddTable(services, clusterId, dataSource);
        services.AddSchemaMigrations(ClusterSchema.Migrations);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILocalSiloDeclaredDeadHandler, StopHostWhenDeclaredDead>());
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<MembershipAgent>(sp));
        services.TryAddSingleton<IClusterMembershipService>(sp => sp.GetRequiredService<MembershipAgent>());
        return services;
    }

    /// <summary>
    /// Registers the client side: the same table and options (the silos create the schema), and a <see cref="MembershipTableReader"/> as
    /// <see cref="IClusterMembershipService"/> and hosted service (refreshes the snapshot; writes nothing).
    /// </summary>
    public static IServiceCollection AddClusterMembershipReader(
        this IServiceCollection services, string clusterId, Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        AddTable(services, clusterId, dataSource);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<MembershipTableReader>(sp));
        services.TryAddSingleton<IClusterMembershipService>(sp => sp.GetRequiredService<MembershipTableReader>());
        services.AddHostedService(sp => sp.GetRequiredService<MembershipTableReader>());
        return services;
    }

    private static void AddTable(IServiceCollection services, string clusterId, Func<IServiceProvider, NpgsqlDataSource>? dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ClusterMembershipOptions>().BindConfiguration(ClusterMembershipOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        var source = dataSource ?? (sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.TryAddSingleton<IMembershipTable>(sp => new PostgreSqlMembershipTable(source(sp), clusterId));
    }
}
