using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Benchmarks.LocalCalls;

/// <summary>
/// <c>local-calls</c>: in-silo grain calls against a floor. 1,000 grains, 1,000 callers (one per
/// grain, so the runtime's cost is measured rather than queueing on a hot grain), each calling as
/// soon as the last call answered. The baseline calls the same method on the same grain instances,
/// each guarded by its own <see cref="SemaphoreSlim"/>(1): what any actor runtime must at least pay.
/// </summary>
internal static class LocalCallsScenario
{
    private const int Grains = 1000;

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseSilo(silo => silo.AddGrains(typeof(PingGrain).Assembly).AddMemoryGrainStorage());
        using var host = builder.Build();
        await host.StartAsync();

        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IPingGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Ping(0).AsTask()));

        var catalog = host.Services.GetRequiredService<SiloRuntime>().Catalog;
        var instances = grains.Select(g => catalog.TryGetActivation(g.GetGrainId(), out var a) ? (PingGrain)a!.GrainInstance! : throw new InvalidOperationException("not active")).ToArray();
        var locks = instances.Select(_ => new SemaphoreSlim(1, 1)).ToArray();

        Func<int, long, ValueTask> runtimeCall = async (caller, _) => await grains[caller].Ping(1);
        Func<int, long, ValueTask> baselineCall = async (caller, _) =>
        {
            var gate = locks[caller];
            await gate.WaitAsync();
            try
            {
                await instances[caller].Ping(1);
            }
            finally
            {
                gate.Release();
            }
        };

        Console.WriteLine($"local-calls: {Grains} grains, {Grains} callers, {duration.TotalSeconds:0} s per phase after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        await ClosedLoopLoad.RunAsync(Grains, warmup, runtimeCall);
        await ClosedLoopLoad.RunAsync(Grains, warmup, baselineCall);
        var runtime = await Measure("runtime", runtimeCall, duration);
        var baseline = await Measure("baseline (SemaphoreSlim per grain)", baselineCall, duration);

        await host.StopAsync();
        var ratio = runtime.CallsPerSecond / baseline.CallsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT local-calls runtime_calls_per_sec={runtime.CallsPerSecond:0} baseline_calls_per_sec={baseline.CallsPerSecond:0} ratio={ratio:0.000} p99_us={runtime.Latency.QuantileMicroseconds(0.99):0} alloc_bytes_per_call={runtime.AllocatedBytesPerCall:0}"));
        return 0;
    }

    private static async Task<LoadResult> Measure(string name, Func<int, long, ValueTask> call, TimeSpan duration)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var result = await ClosedLoopLoad.RunAsync(Grains, duration, call);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-36} {result.CallsPerSecond,12:N0} calls/s  p50 {result.Latency.QuantileMicroseconds(0.5),8:0} us  p99 {result.Latency.QuantileMicroseconds(0.99),8:0} us  {result.AllocatedBytesPerCall,6:0} B/call  ({result.Calls:N0} calls)"));
        return result;
    }
}
