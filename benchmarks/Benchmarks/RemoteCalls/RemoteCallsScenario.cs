using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Runtime;

namespace MindPeeker.Benchmarks.RemoteCalls;

/// <summary>
/// <c>remote-calls</c>: grain calls across two silo processes against the raw transport. Silo A runs in this
/// process, silo B is a child process advertising the only <see cref="RemoteRole"/> silo, so every
/// <see cref="IRemoteEchoGrain"/> lives on B. <see cref="Callers"/> closed-loop callers in A, one per grain, each
/// echo a <see cref="PayloadChars"/>-character string. The baseline is <see cref="TransportEchoBaseline"/>: the same
/// framing over one loopback connection from this process to a <see cref="TransportEchoServer"/> in silo B's process
/// (the transport floor between the same two processes), the same concurrency and body size, no grain runtime.
/// Target: ratio (grain calls/s ÷ baseline calls/s) ≥ 0.5. For context it also runs the echo with both ends in this
/// process (the baseline before 2026-11-22, which left out what crossing processes costs on 2 cores).
/// </summary>
internal static class RemoteCallsScenario
{
    public const string RemoteRole = "bench-remote";
    private const int Callers = 100;
    private const int PayloadChars = 64;

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup, string[] args)
    {
        if (args.Contains(ClusterBenchmarkSilo.ChildFlag))
        {
            return await ClusterBenchmarkSilo.RunChildAsync(args);
        }

        await using var database = await BenchmarkDatabase.CreateAsync();
        var clusterId = $"remote-{Guid.NewGuid():N}"[..20];
        await using var remote = await ChildSiloProcess.StartAsync(
            "remote-calls", database.ConnectionString, clusterId, new Dictionary<string, string> { ["Silo:Roles:0"] = RemoteRole }, echoServer: true);
        using var local = await ClusterBenchmarkSilo.StartAsync(database.ConnectionString, clusterId, [new("Silo:Roles:0", "cpu")]);
        var factory = local.Services.GetRequiredService<IGrainFactory>();
        var text = new string('x', PayloadChars);
        var grains = Enumerable.Range(0, Callers).Select(i => factory.GetGrain<IRemoteEchoGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Echo(text).AsTask()));
        Func<int, long, ValueTask> grainCall = async (caller, _) =>
        {
            if ((await grains[caller].Echo(text)).Length != PayloadChars)
            {
                throw new InvalidOperationException("The remote grain returned a different text.");
            }
        };

        // The grain call's request body is the JSON argument list ["xxx…"]: the echo sends a body of that size.
        var payloadBytes = PayloadChars + 4;
        await using var echoServer = TransportEchoServer.Start();
        await using var localEcho = TransportEchoBaseline.ConnectTo(echoServer.Address);
        await using var remoteEcho = TransportEchoBaseline.ConnectTo(Runtime.Cluster.SiloAddress.Parse(
            remote.EchoAddress ?? throw new InvalidOperationException("The child silo did not report its echo server.")));
        Console.WriteLine($"remote-calls: silo A in-process, silo B child process ({remote.Address}, echo {remote.EchoAddress}), {Callers} callers, {PayloadChars}-char payload, {duration.TotalSeconds:0} s per phase after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        await ClosedLoopLoad.RunAsync(Callers, warmup, grainCall);
        await remoteEcho.RunAsync(Callers, warmup, payloadBytes);
        await localEcho.RunAsync(Callers, warmup, payloadBytes);
        var (grainResult, grainCpu) = await MeasureAsync("grain calls A -> B", () => ClosedLoopLoad.RunAsync(Callers, duration, grainCall), () => remote.TotalProcessorTime);
        var (echoResult, echoCpu) = await MeasureAsync("echo A -> B (baseline)", () => remoteEcho.RunAsync(Callers, duration, payloadBytes), () => remote.TotalProcessorTime);
        var (localEchoResult, localEchoCpu) = await MeasureAsync("echo within A (context)", () => localEcho.RunAsync(Callers, duration, payloadBytes), () => TimeSpan.Zero);

        await local.StopAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT remote-calls calls_per_sec={grainResult.CallsPerSecond:0} p50_us={grainResult.Latency.QuantileMicroseconds(0.5):0} p99_us={grainResult.Latency.QuantileMicroseconds(0.99):0} baseline_calls_per_sec={echoResult.CallsPerSecond:0} baseline_p50_us={echoResult.Latency.QuantileMicroseconds(0.5):0} baseline_p99_us={echoResult.Latency.QuantileMicroseconds(0.99):0} ratio={grainResult.CallsPerSecond / echoResult.CallsPerSecond:0.000} cpu_us_per_call={grainCpu:0.0} baseline_cpu_us_per_call={echoCpu:0.0} alloc_bytes_per_call={grainResult.AllocatedBytesPerCall:0} inprocess_echo_calls_per_sec={localEchoResult.CallsPerSecond:0} inprocess_echo_cpu_us_per_call={localEchoCpu:0.0} ratio_vs_inprocess_echo={grainResult.CallsPerSecond / localEchoResult.CallsPerSecond:0.000}"));
        return 0;
    }

    /// <summary>
    /// Runs one phase and reports it with the CPU it cost per call: this process's plus <paramref name="otherProcessCpu"/>'s
    /// (the child silo's for grain calls and the echo to it; nothing for the echo whose both ends are in this process).
    /// </summary>
    private static async Task<(LoadResult Result, double CpuMicrosecondsPerCall)> MeasureAsync(string name, Func<Task<LoadResult>> run, Func<TimeSpan> otherProcessCpu)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime + otherProcessCpu();
        var result = await run();
        self.Refresh();
        var cpu = (self.TotalProcessorTime + otherProcessCpu() - cpuBefore).TotalMicroseconds / Math.Max(1, result.Calls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-24} {result.CallsPerSecond,10:N0} calls/s  p50 {result.Latency.QuantileMicroseconds(0.5),7:0} us  p99 {result.Latency.QuantileMicroseconds(0.99),7:0} us  {cpu,6:0.0} CPU us/call  {result.AllocatedBytesPerCall,6:0} B/call in this process  ({result.Calls:N0} calls)"));
        return (result, cpu);
    }
}
