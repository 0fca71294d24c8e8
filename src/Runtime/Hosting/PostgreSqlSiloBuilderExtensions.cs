using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Runtime.Hosting;

public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="PostgreSqlGrainStorage"/> as the grain storage provider <paramref name="name"/>.
    /// Its options are validated at start-up, and its schema (plus every set added with
    /// <see cref="SchemaMigrationServiceCollectionExtensions.AddSchemaMigrations"/>) is migrated by a hosted
    /// service that starts before the silo and fails start-up, naming host, port and database, when
    /// PostgreSQL is unreachable or rejects the login.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, Action<PostgreSqlGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgreSqlGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlGrainStorageOptions>, PostgreSqlGrainStorageOptionsValidator>());

        var registration = new PostgreSqlGrainStorageRegistration(name);
        services.AddSingleton(registration);
        services.AddKeyedSingleton(registration, (sp, _) =>
            PostgreSqlDataSources.CreateBuilder(Options(sp, name).ConnectionString)
                .UseLoggerFactory(sp.GetService<ILoggerFactory>())
                .Build());
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            new PostgreSqlGrainStorage(sp.GetRequiredKeyedService<NpgsqlDataSource>(registration), Options(sp, name).ServiceId));

        services.AddSchemaMigrations(PostgreSqlGrainStorage.Migrations);
        return builder;
    }

    private static PostgreSqlGrainStorageOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<PostgreSqlGrainStorageOptions>>().Get(name);
}
