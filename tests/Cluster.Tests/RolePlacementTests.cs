using MindPeeker.Cluster.Tests.Harness;
using MindPeeker.Cluster.TestSilo.Grains;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Cluster.Tests;

/// <summary>
/// Issue 4 item 9: <c>[RolePlacement("gpu")]</c> grains and role-pinned stateless workers run only on silos
/// advertising <c>gpu</c>; without one, calls fail fast and say which role is missing, unless a fallback role
/// is configured.
/// </summary>
public sealed class RolePlacementTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly Dictionary<string, string> GpuRole = new() { ["Silo:Roles:0"] = "gpu" };

    [Fact]
    public async Task Gpu_pinned_grains_and_workers_run_only_on_the_gpu_silo()
    {
        await using var cluster = new ClusterUnderTest(database);
        var cpu = await cluster.StartSiloAsync("cpu-0");
        var gpu = await cluster.StartSiloAsync("gpu-0", GpuRole);
        await cluster.StartSiloAsync("cpu-1");
        var client = await cluster.StartClientAsync();
        await cluster.WaitForConvergenceAsync(client);

        var pinned = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetGrain<IGpuPinnedGrain>($"{cluster.ClusterId}-{i}").Probe()));
        var workers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.GetGrain<IGpuWorkerGrain>(i).Probe()));
        var plain = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => client.GetGrain<IProbeGrain>($"{cluster.ClusterId}-plain-{i}").Probe()));

        pinned.Select(r => r.Silo).Should().AllBe(gpu.Address);
        workers.Select(r => r.Silo).Should().AllBe(gpu.Address, "a role-pinned stateless worker runs on the gpu silo even when the gateway is a cpu silo");
        pinned.Concat(workers).Should().OnlyContain(r => r.Roles.Contains("gpu"));
        plain.Select(r => r.Silo).Should().Contain(cpu.Address, "unpinned grains still spread over every silo");
    }

    [Fact]
    public async Task Without_a_gpu_silo_a_pinned_call_fails_fast_naming_the_role()
    {
        await using var cluster = new ClusterUnderTest(database);
        await cluster.StartSiloAsync("cpu-0");
        var client = await cluster.StartClientAsync();
        await client.GetGrain<IProbeGrain>($"{cluster.ClusterId}-warm").Probe();

        var started = TimeProvider.System.GetTimestamp();
        var pinned = async () => await client.GetGrain<IGpuPinnedGrain>($"{cluster.ClusterId}-orphan").Probe();
        var failure = await pinned.Should().ThrowAsync<SiloUnavailableException>();
        var worker = async () => await client.GetGrain<IGpuWorkerGrain>(0).Probe();
        var workerFailure = await worker.Should().ThrowAsync<SiloUnavailableException>();
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "both calls fail fast instead of waiting for the response timeout");
        failure.Which.Message.Should().Contain("'gpu'").And.Contain("RoleFallbacks");
        workerFailure.Which.Message.Should().Contain("'gpu'");
    }

    [Fact]
    public async Task With_a_cpu_fallback_for_gpu_pinned_grains_run_on_a_cpu_silo()
    {
        await using var cluster = new ClusterUnderTest(database);
        var cpu = await cluster.StartSiloAsync("cpu-0", new Dictionary<string, string> { ["Silo:Placement:RoleFallbacks:gpu:0"] = "cpu" });
        var client = await cluster.StartClientAsync();

        var report = await client.GetGrain<IGpuPinnedGrain>($"{cluster.ClusterId}-fallback").Probe();
        var worker = await client.GetGrain<IGpuWorkerGrain>(0).Probe();

        report.Silo.Should().Be(cpu.Address);
        report.Roles.Should().Equal("cpu");
        worker.Silo.Should().Be(cpu.Address);
    }
}
