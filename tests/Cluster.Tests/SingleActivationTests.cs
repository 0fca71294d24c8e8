using System.Collections.Concurrent;
using MindPeeker.Cluster.Tests.Harness;
using MindPeeker.Cluster.TestSilo.Grains;
using MindPeeker.TestSupport;

namespace MindPeeker.Cluster.Tests;

/// <summary>
/// Issue 4 item 9: a grain id has at most one activation in the cluster, however many silos and callers race to
/// activate it, and its calls run one at a time (no lost updates).
/// </summary>
public sealed class SingleActivationTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private const int Grains = 10;
    private const int ClientCallers = 110;
    private const int CallersPerSilo = 30;
    private const int CallsPerCaller = 10;

    [Fact]
    public Task Two_hundred_concurrent_callers_on_three_silos_meet_one_activation_per_grain() => RunAsync(waitForConvergence: true);

    /// <summary>
    /// The same race started as soon as the silos are Active, before each has re-read the membership table and
    /// seen the silos that joined after it. A silo must not treat a silo it has not heard of yet as dead.
    /// </summary>
    [Fact]
    public Task Right_after_the_silos_join_concurrent_callers_still_meet_one_activation_per_grain() => RunAsync(waitForConvergence: false);

    private async Task RunAsync(bool waitForConvergence)
    {
        await using var cluster = new ClusterUnderTest(database);
        var silos = await cluster.StartSilosAsync(3);
        var client = await cluster.StartClientAsync();
        var keys = Enumerable.Range(0, Grains).Select(i => $"{cluster.ClusterId}-probe-{i}").ToArray();
        var fanOutKeys = waitForConvergence
            ? [.. (await cluster.WaitForConvergenceAsync(client)).Values]
            : await OneFanOutKeyPerSiloAsync(client, silos.Count);

        // 110 callers in the client and 30 in grain code on each of the three silos, all at once, none activated yet.
        var reports = new ConcurrentBag<KeyedProbeReport>();
        var clientCallers = Enumerable.Range(0, ClientCallers).Select(async caller =>
        {
            for (var i = 0; i < CallsPerCaller; i++)
            {
                var key = keys[(caller + i) % Grains];
                reports.Add(new KeyedProbeReport(key, await client.GetGrain<IProbeGrain>(key).Probe()));
            }
        });
        var siloCallers = fanOutKeys.Select(async fanOutKey =>
        {
            var result = await client.GetGrain<IFanOutGrain>(fanOutKey).CallProbes(keys, CallersPerSilo, CallsPerCaller);
            foreach (var report in result.Reports)
            {
                reports.Add(report);
            }

            return result.Silo;
        });
        await Task.WhenAll(clientCallers);
        var fanOutSilos = await Task.WhenAll(siloCallers);

        fanOutSilos.Should().BeEquivalentTo(silos.Select(s => s.Address), "grain code on every silo took part");
        var totalCallers = ClientCallers + CallersPerSilo * silos.Count;
        totalCallers.Should().Be(200);
        reports.Should().HaveCount(totalCallers * CallsPerCaller);
        foreach (var key in keys)
        {
            var made = reports.Where(r => r.Key == key).Select(r => r.Report).ToList();
            var final = await client.GetGrain<IProbeGrain>(key).Report();
            made.Select(r => (r.ActivationId, r.Silo)).Distinct().Should().ContainSingle($"grain {key} must have one activation").Which
                .Should().Be((final.ActivationId, final.Silo));
            final.Calls.Should().Be(made.Count, $"every call to {key} was counted once, one turn at a time");
            made.Select(r => r.Calls).Should().OnlyHaveUniqueItems("each call saw the count its predecessors left");
        }
    }

    /// <summary>Fan-out workers are stateless workers: each runs on the gateway its key hashes to. Finds a key per silo.</summary>
    private static async Task<long[]> OneFanOutKeyPerSiloAsync(Runtime.IGrainFactory client, int siloCount)
    {
        var bySilo = new Dictionary<string, long>();
        for (long key = 0; key < 200 && bySilo.Count < siloCount; key++)
        {
            bySilo.TryAdd((await client.GetGrain<IFanOutGrain>(key).View()).Silo, key);
        }

        bySilo.Should().HaveCount(siloCount, "the client spreads grain ids over every gateway");
        return [.. bySilo.Values];
    }
}
