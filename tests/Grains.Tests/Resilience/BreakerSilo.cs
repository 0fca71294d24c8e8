using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Persistence;
using MindPeeker.Grains.Resilience;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Resilience;

/// <summary>
/// A real silo with the circuit breakers over a real PostgreSQL database, configured like the silo host. With a
/// cluster id it joins a real cluster (membership, directory, TCP on loopback), so two of them
/// share one breaker grain.
/// </summary>
internal sealed class BreakerSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private BreakerSilo(TestSilo silo) => _silo = silo;

    public IGrainFactory Grains => _silo.GrainFactory;

    public DependencyGuard Guard => _silo.Services.GetRequiredService<DependencyGuard>();

    public static async Task<BreakerSilo> StartAsync(
        PostgreSqlTestDatabase database, TimeProvider? time = null, IDictionary<string, string?>? settings = null, string? clusterId = null)
    {
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (clusterId is not null)
        {
            configuration["Silo:ClusterId"] = clusterId;
            configuration["Silo:Endpoints:SiloPort"] = "0";
            configuration["Silo:Endpoints:ListenAddress"] = "127.0.0.1";
        }

        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrains(typeof(GrainsAssembly).Assembly);
                if (clusterId is not null)
                {
                    builder.UseClustering();
                }

                builder.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = database.ConnectionString);
                builder.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
                builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString));
                builder.AddCircuitBreakers();
            },
            time,
            configuration);
        return new BreakerSilo(silo);
    }

    /// <summary>
    /// Makes each silo read the membership table now, so each knows the others as Active: a breaker can then
    /// push to any of them (without this a silo may learn of a just-started one only at its next refresh).
    /// </summary>
    public static async Task JoinAsync(params BreakerSilo[] silos)
    {
        foreach (var silo in silos)
        {
            await silo._silo.Services.GetRequiredService<IClusterMembershipService>().RefreshAsync();
        }
    }

    public ICircuitBreakerGrain Breaker(string dependency) => Grains.GetGrain<ICircuitBreakerGrain>(dependency);

    /// <summary>Completes when this silo's guard takes a pushed snapshot of <paramref name="dependency"/> in <paramref name="state"/>.</summary>
    public Task<CircuitBreakerSnapshot> NextNotification(string dependency, CircuitState state)
    {
        var received = new TaskCompletionSource<CircuitBreakerSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNotification(CircuitBreakerSnapshot snapshot)
        {
            if (snapshot.Dependency == dependency && snapshot.State == state)
            {
                received.TrySetResult(snapshot);
            }
        }

        Guard.NotificationApplied += OnNotification;
        return received.Task.ContinueWith(
            task =>
            {
                Guard.NotificationApplied -= OnNotification;
                return task.Result;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
