using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Health;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.ApiFrontend.Cluster;

/// <summary>The standalone front end's cluster client: membership on PostgreSQL, gateways over TCP, readiness.</summary>
internal static class ClusterClientFrontendExtensions
{
    public const string ConnectionStringName = "MindPeeker";

    public static WebApplicationBuilder AddClusterClientFrontend(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(string), [
                $"ConnectionStrings:{ConnectionStringName} is required: the front end finds the cluster's gateway silos in the membership table in that PostgreSQL database " +
                "(set it with the environment variable ConnectionStrings__MindPeeker)."]);
        }

        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
        builder.Services.AddClusterClient(builder.Configuration, [typeof(ISessionGrain).Assembly]);
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
