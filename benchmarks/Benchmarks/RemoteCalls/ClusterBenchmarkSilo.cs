using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// A clustered silo hosting this program's grains, for <c>remote-calls</c> and <c>failover</c>: built in this
/// process (silo A of <c>remote-calls</c>) or run as a child process of the benchmark
/// (<c>&lt;scenario&gt; --child-silo --Silo:ClusterId=..</c>, the connection string in <c>ConnectionStrings__Cluster</c>), which prints
/// <see cref="ReadyPrefix"/> with its address once Active and runs until SIGTERM or SIGKILL.
/// </summary>
internal static class ClusterBenchmarkSilo
{
    public const string ChildFlag = "--child-silo";
    public const string ReadyPrefix = "BENCHSILO-READY";
    public const string ConnectionStringName = "Cluster";

    /// <summary>Makes the child also run a <see cref="TransportEchoServer"/> and print its address (<c>echo=</c>) on the ready line.</summary>
    public const string EchoServerFlag = "--echo-server";

    /// <summary>A started silo host; <paramref name="settings"/> are configuration keys such as <c>Silo:Roles:0</c>.</summary>
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:ClusterId"] = clusterId,
            ["Silo:Endpoints:SiloPort"] = "0",
            ["Silo:Endpoints:ListenAddress"] = "127.0.0.1",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
        // PostgreSQL grain storage although no benchmark grain keeps state: its schema migration is what creates the
        // cluster tables (UseClustering alone does not migrate them).
        builder.UseSilo(silo => silo
            .AddGrains(typeof(ClusterBenchmarkSilo).Assembly)
            .AddPostgreSqlGrainStorage(Runtime.Storage.GrainStorageNames.Default, options => options.ConnectionString = connectionString)
            .UseClustering());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// The child process's entry: <paramref name="args"/> carry <c>--key=value</c> settings; the connection string comes
    /// from the environment (<c>ConnectionStrings__Cluster</c>). Runs until SIGTERM (graceful) or SIGKILL.
    /// </summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings__{ConnectionStringName} is required.");
        var settings = configuration.AsEnumerable().Where(p => p.Key.StartsWith("Silo:", StringComparison.Ordinal) && p.Value is not null).ToList();
        using var host = await StartAsync(connectionString, configuration["Silo:ClusterId"] ?? "bench", settings);
        await using var echo = args.Contains(EchoServerFlag) ? TransportEchoServer.Start() : null;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        });
        var echoAddress = echo is null ? string.Empty : $" echo={echo.Address}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ReadyPrefix} address={host.Services.GetRequiredService<SiloAddress>()}{echoAddress}"));
        await host.WaitForShutdownAsync();
        return 0;
    }
}
