using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.Grains;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Silo.Configuration;
using MindPeeker.Silo.Health;

namespace MindPeeker.Silo;

/// <summary>The silo process's composition root: grains, storage chosen by configuration, readiness checks.</summary>
internal static class SiloHostExtensions
{
    public static WebApplicationBuilder AddMindPeekerSilo(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(SiloStorageOptions.SectionName).Get<SiloStorageOptions>() ?? new SiloStorageOptions();
        storage.ConnectionString ??= builder.Configuration.GetConnectionString(SiloStorageOptions.ConnectionStringName);
        var validation = new SiloStorageOptionsValidator().Validate(null, storage);
        if (validation.Failed)
        {
            // Storage decides which services exist, so it is checked here, before the host is built.
            throw new OptionsValidationException(SiloStorageOptions.SectionName, typeof(SiloStorageOptions), validation.Failures);
        }

        builder.Services.AddSingleton(Options.Create(storage));
        var health = builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthEndpoints.ReadyTag]);

        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            if (storage.Provider == StorageProvider.Memory)
            {
                silo.AddMemoryGrainStorage();
            }
            else
            {
                silo.AddPostgreSqlGrainStorage(Runtime.Storage.GrainStorageNames.Default, options => options.ConnectionString = storage.ConnectionString!);
            }
        });

        if (storage.Provider == StorageProvider.PostgreSql)
        {
            health.AddCheck<PostgreSqlHealthCheck>("postgresql", tags: [HealthEndpoints.ReadyTag]);
        }

        return builder;
    }
}
