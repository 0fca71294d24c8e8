using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Benchmarks.RemoteCalls;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Benchmarks.Failover;

/// <summary>
/// <c>failover</c>: how long a grain is unreachable after its silo is killed. Three child silos with the default
/// membership settings; this process is a cluster client calling one grain back to back. Each of
/// <see cref="Rounds"/> rounds finds the grain's silo, kills it with SIGKILL and measures the time from the kill to
/// the first successful call answered by a survivor; a fresh silo then replaces the dead one. Target: under 10 s.
/// </summary>
internal static class FailoverScenario
{
    private const int Rounds = 3;
    private const int Silos = 3;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains(ClusterBenchmarkSilo.ChildFlag))
        {
            return await ClusterBenchmarkSilo.RunChildAsync(args);
        }

        await using var database = await BenchmarkDatabase.CreateAsync();
        var clusterId = $"failover-{Guid.NewGuid():N}"[..20];
        var silos = new List<ChildSiloProcess> { await StartSiloAsync(database, clusterId) };
        silos.AddRange(await Task.WhenAll(Enumerable.Range(1, Silos - 1).Select(_ => StartSiloAsync(database, clusterId))));
        using var client = await StartClientAsync(database.ConnectionString, clusterId);
        var factory = client.Services.GetRequiredService<IGrainFactory>();
        var defaults = new ClusterMembershipOptions();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: {Silos} child silos, {Rounds} rounds, defaults ProbePeriod={defaults.ProbePeriod.TotalSeconds:0.#}s ProbeTimeout={defaults.ProbeTimeout.TotalSeconds:0.#}s NumMissedProbesLimit={defaults.NumMissedProbesLimit} NumVotesForDeathDeclaration={defaults.NumVotesForDeathDeclaration} TableRefreshPeriod={defaults.TableRefreshPeriod.TotalSeconds:0.#}s, {Environment.ProcessorCount} cores"));

        var measured = new List<double>();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                await SettleAsync(client, silos, defaults);
                var grain = factory.GetGrain<IFailoverProbeGrain>($"failover-{round}");
                var (home, placementFailures) = await CallUntilSurvivorAnswersAsync(grain, home: null);
                if (placementFailures > 0)
                {
                    Console.WriteLine($"  round {round + 1}: the first call needed {placementFailures + 1} attempts");
                }

                var victim = silos.Single(s => s.Address == home);
                victim.Kill();
                var killedAt = TimeProvider.System.GetTimestamp();
                var (survivor, failedCalls) = await CallUntilSurvivorAnswersAsync(grain, home);
                var elapsed = TimeProvider.System.GetElapsedTime(killedAt);
                measured.Add(elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1}: killed {home}, first success on {survivor} after {elapsed.TotalMilliseconds:0} ms ({failedCalls} failed calls meanwhile)"));

                silos.Remove(victim);
                await victim.DisposeAsync();
                if (round + 1 < Rounds)
                {
                    silos.Add(await StartSiloAsync(database, clusterId));
                }
            }
        }
        finally
        {
            await client.StopAsync();
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }

        measured.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT failover kill_to_first_success_ms={measured[measured.Count / 2]:0} max_ms={measured[^1]:0} rounds={Rounds} detection_defaults=probe{defaults.ProbePeriod.TotalSeconds:0.#}s_x{defaults.NumMissedProbesLimit}_votes{defaults.NumVotesForDeathDeclaration}_refresh{defaults.TableRefreshPeriod.TotalSeconds:0.#}s"));
        return 0;
    }

    /// <summary>
    /// Waits until the client lists exactly the running silos as Active, then two table refresh periods more, so every
    /// silo's snapshot includes the newest silo too: a round then measures failure detection, not join propagation.
    /// </summary>
    private static async Task SettleAsync(IHost client, List<ChildSiloProcess> silos, ClusterMembershipOptions defaults)
    {
        var membership = client.Services.GetRequiredService<Runtime.Cluster.IClusterMembershipService>();
        var expected = silos.Select(s => s.Address).ToHashSet();
        var started = TimeProvider.System.GetTimestamp();
        while (!membership.CurrentSnapshot.ActiveSilos.Select(s => s.Address.ToString()).ToHashSet().SetEquals(expected))
        {
            if (TimeProvider.System.GetElapsedTime(started) > RoundLimit)
            {
                throw new TimeoutException($"The client did not see the silos {string.Join(", ", expected)} Active within {RoundLimit}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        await Task.Delay(defaults.TableRefreshPeriod * 2, TimeProvider.System);
    }

    private static Task<ChildSiloProcess> StartSiloAsync(BenchmarkDatabase database, string clusterId) =>
        ChildSiloProcess.StartAsync("failover", database.ConnectionString, clusterId, new Dictionary<string, string>());

    /// <summary>Calls until a silo other than <paramref name="home"/> answers; the first failure's message is printed.</summary>
    private static async Task<(string Survivor, int FailedCalls)> CallUntilSurvivorAnswersAsync(IFailoverProbeGrain grain, string? home)
    {
        var started = TimeProvider.System.GetTimestamp();
        var failed = 0;
        while (TimeProvider.System.GetElapsedTime(started) < RoundLimit)
        {
            try
            {
                var silo = await grain.WhereAmI().WaitAsync(CallTimeout, TimeProvider.System);
                if (silo != home)
                {
                    return (silo, failed);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Any failure counts (the kind depends on where the call was when the silo died); a short pause, as a real
                // caller's retry would make, keeps a spinning loop from stealing CPU from the survivors' detection.
                if (failed++ == 0)
                {
                    Console.WriteLine($"    first failure: {exception.GetType().Name}: {exception.Message}");
                }

                await Task.Delay(RetryPause, TimeProvider.System);
            }
        }

        throw new TimeoutException($"No silo other than {home ?? "none"} answered within {RoundLimit}.");
    }

    private static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:ClusterId"] = clusterId });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
        builder.Services.AddClusterClient(builder.Configuration, [typeof(IFailoverProbeGrain).Assembly]);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
