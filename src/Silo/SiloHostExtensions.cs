using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.ApiFrontend.Observability;
using MindPeeker.Grains;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.DataLifecycle;
using MindPeeker.Grains.Dashboard;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Integrations;
using MindPeeker.Grains.Observability;
using MindPeeker.Grains.Persistence;
using MindPeeker.Grains.Sessions;
using MindPeeker.Grains.Realtime;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime.Diagnostics;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.Silo.Configuration;
using MindPeeker.Silo.Health;

namespace MindPeeker.Silo;

/// <summary>The silo process's composition root: grains, PostgreSQL (grain state and MindPeeker's tables), readiness checks.</summary>
internal static class SiloHostExtensions
{
    public static WebApplicationBuilder AddMindPeekerSilo(this WebApplicationBuilder builder)
    {
        var database = new DatabaseOptions { ConnectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) };
        var validation = new DatabaseOptionsValidator().Validate(null, database);
        if (validation.Failed)
        {
            // The database decides which services exist, so it is checked here, before the host is built.
            throw new OptionsValidationException(nameof(DatabaseOptions), typeof(DatabaseOptions), validation.Failures);
        }

        builder.Services.AddSingleton(Options.Create(database));
        builder.Services.AddMindPeekerObservability(ObservabilityServiceCollectionExtensions.SiloServiceName);
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString!));
        builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<PostgreSqlHealthCheck>("postgresql", tags: [HealthEndpoints.ReadyTag]);

        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            silo.UseClustering();
            silo.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = database.ConnectionString!);
            silo.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
            silo.Services.AddAnalysis();
            silo.Services.AddIdentityGrains();
            silo.AddSessionUpdateNotifier();
            silo.AddSessions();
            silo.AddCircuitBreakers();
            silo.AddIntegrations();
            silo.AddWebhooks();
            silo.Services.AddRuntimeMetrics();
            silo.Services.AddDomainMetrics();
            silo.Services.AddDataLifecycle();
            silo.AddDashboardData();
        });

        return builder;
    }
}
