using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Cluster.TestSilo;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;

// Usage: dotnet MindPeeker.Cluster.TestSilo.dll --ConnectionStrings:Cluster=<npgsql> --Silo:ClusterId=<id>
//        [--Silo:Roles:0=gpu] [--Silo:Endpoints:SiloPort=0] [--Silo:Membership:ProbePeriod=00:00:01] ...
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString(TestSiloProtocol.ConnectionStringName)
    ?? throw new InvalidOperationException($"Set ConnectionStrings:{TestSiloProtocol.ConnectionStringName} to the cluster's PostgreSQL database.");
var clusterId = builder.Configuration["Silo:ClusterId"] ?? "dev";

builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
builder.UseSilo(silo =>
{
    silo.AddGrains(typeof(TestSiloProtocol).Assembly);
    silo.UseClustering();
    silo.AddPostgreSqlGrainStorage(TestSiloProtocol.StorageName, options =>
    {
        options.ConnectionString = connectionString;
        options.ServiceId = clusterId;
    });
});

using var host = builder.Build();
await host.StartAsync();
var address = host.Services.GetRequiredService<SiloAddress>();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TestSiloProtocol.ReadyPrefix} address={address} pid={Environment.ProcessId}"));
await host.WaitForShutdownAsync();
Console.WriteLine(TestSiloProtocol.ExitedLine);
