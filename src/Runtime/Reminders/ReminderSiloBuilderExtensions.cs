using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Reminders;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Runtime.Hosting;

public static class ReminderSiloBuilderExtensions
{
    private static readonly object OwnDataSourceKey = new();

    /// <summary>
    /// Enables reminders (Orleans' <c>UseAdoNetReminderService</c>) with the table in the PostgreSQL database of
    /// <see cref="PostgreSqlReminderTableOptions.ConnectionString"/> (required, validated on start).
    /// See <see cref="UsePostgreSqlReminderService(ISiloBuilder, Func{IServiceProvider, NpgsqlDataSource}?)"/> for what runs.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlReminderService(this ISiloBuilder builder, Action<PostgreSqlReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgreSqlReminderTableOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "The reminder table needs a PostgreSQL connection string (PostgreSqlReminderTableOptions.ConnectionString).");
        builder.Services.TryAddKeyedSingleton(OwnDataSourceKey, (sp, _) =>
            PostgreSqlDataSources.CreateBuilder(sp.GetRequiredService<IOptions<PostgreSqlReminderTableOptions>>().Value.ConnectionString)
                .UseLoggerFactory(sp.GetService<ILoggerFactory>())
                .Build());
        return AddReminderService(builder, sp => sp.GetRequiredKeyedService<NpgsqlDataSource>(OwnDataSourceKey));
    }

    /// <summary>
    /// Enables reminders with the table in the database of <paramref name="dataSource"/> (default: the host's
    /// <see cref="NpgsqlDataSource"/> singleton, as <c>UseClustering</c>). At start-up it migrates
    /// <see cref="ClusterSchema.Migrations"/> there, then runs this silo's reminder service, which schedules the
    /// reminders of the silo's ring ranges: all of them when no <see cref="IClusterMembershipService"/> is registered;
    /// with one, the silo's own <see cref="SiloAddress"/> singleton (registered by <c>UseClustering</c>) places it on the
    /// ring. <see cref="ReminderOptions"/> are bound from <c>Silo:Reminders</c>; options are validated on start; the
    /// cluster id defaults to <c>Silo:ClusterId</c>.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlReminderService(this ISiloBuilder builder, Func<IServiceProvider, NpgsqlDataSource>? dataSource = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddReminderService(builder, dataSource ?? (sp => sp.GetRequiredService<NpgsqlDataSource>()));
    }

    private static ISiloBuilder AddReminderService(ISiloBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource)
    {
        var services = builder.Services;
        services.AddOptions<PostgreSqlReminderTableOptions>()
            .PostConfigure<IOptions<SiloOptions>>((options, silo) =>
            {
                if (string.IsNullOrWhiteSpace(options.ClusterId))
                {
                    options.ClusterId = silo.Value.ClusterId;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlReminderTableOptions>, PostgreSqlReminderTableOptionsValidator>());
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());

        services.TryAddSingleton<IReminderTable>(sp => new PostgreSqlReminderTable(
            dataSource(sp), sp.GetRequiredService<IOptions<PostgreSqlReminderTableOptions>>().Value.ClusterId));
        services.TryAddSingleton(sp =>
        {
            var grains = sp.GetRequiredService<IGrainFactory>();
            var service = new LocalReminderService(
                sp.GetRequiredService<IReminderTable>(),
                id => grains.GetGrain<IRemindable>(id),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<ReminderOptions>>(),
                sp.GetRequiredService<ILogger<LocalReminderService>>(),
                sp.GetService<IClusterMembershipService>(),
                sp.GetService<SiloAddress>());

            // Stop scheduling before the silo refuses calls, so shutdown does not log failed ticks.
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(service.Stop);
            return service;
        });
        services.TryAddSingleton<ReminderRegistry>();

        services.AddHostedService(sp => new ClusterSchemaMigration(dataSource(sp), sp.GetRequiredService<ILogger<PostgreSqlSchemaMigrator>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LocalReminderService>());
        return builder;
    }
}
