using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Registers backups and the GDPR grains' services.</summary>
public static class DataLifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Adds backups without the schedule (for the CLI and the silo): <see cref="BackupOptions"/> (section
    /// <c>Backups</c>, validated on start), the master keys (<c>Integrations:Credentials</c>, which refuse to start
    /// outside Development without a key), the store and the service. Needs an <c>NpgsqlDataSource</c>. Idempotent.
    /// </summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(BackupService)))
        {
            return services;
        }

        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretsAtRest();
        services.AddSingleton<BackupKeys>();
        services.AddSingleton<BackupStore>();
        services.AddSingleton<BackupService>();
        return services;
    }

    /// <summary>Adds everything the silo needs for the data lifecycle: <see cref="AddBackups"/> and the backup schedule (<c>Backups:Schedule</c>, off by default).</summary>
    public static IServiceCollection AddDataLifecycle(this IServiceCollection services)
    {
        services.AddBackups();
        if (!services.Any(d => d.ImplementationType == typeof(BackupSchedule)))
        {
            services.AddHostedService<BackupSchedule>();
        }

        return services;
    }
}
