using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Grains;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Analysis;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Benchmarks.Batching;

/// <summary>
/// <c>batching</c>: inference throughput (requests per second) of the dynamic batcher at 64 concurrent closed-loop
/// requests on the <c>remote_viewing</c> model (head <c>visual</c>), against (a) naive: the same 64 callers, each
/// request its own ONNX Runtime run of batch 1, and (b) direct: one thread running ONNX Runtime back to back on
/// ready-stacked batches of 64 (the limit: no per-request work at all). Inputs are featurized once up front so the
/// three measure inference, not featurization. For context it also measures the whole worker grain
/// (<see cref="IAnalysisWorkerGrain.Analyze"/>: featurize, infer, build the finding, grain call) with batching on
/// and off (one phase each). The three inference phases alternate over <see cref="Rounds"/> rounds and report
/// medians. Targets: batched ≥ 5× naive and ≥ 80 % of direct.
/// <para>
/// A fourth phase, run in the same rounds, prices what batching adds per request: the same 64 callers through an
/// <see cref="InferenceBatcher{TItem, TResult}"/> of the same settings whose batch function returns ready results
/// instead of running a model (<c>overhead_ns_per_request</c>: submit, batch, complete, resume the caller, and the
/// load loop's own timing). Since the 64 callers are all in the batch that runs, none of that work can overlap a
/// run, so <c>ceiling_vs_direct</c> = one direct run ÷ (one direct run + 64 × that overhead) bounds
/// <c>ratio_vs_direct</c> on this machine.
/// </para>
/// </summary>
internal static class BatchingScenario
{
    private const int Concurrency = 64;
    private const int Rounds = 3;
    private const string SessionType = "remote_viewing";
    private const string AnalysisType = "visual";

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        var cues = Enumerable.Range(0, Concurrency)
            .Select(i => $"cue {i}: a tall {(i % 2 == 0 ? "stone" : "glass")} structure beside moving water, light from the west, #{i * 31}")
            .ToArray();
        var features = cues.Select(CueFeaturizer.Featurize).ToArray();
        var stacked = features.SelectMany(f => f).ToArray();

        Console.WriteLine($"batching: {Concurrency} closed-loop callers, model {SessionType}/{AnalysisType}, MaxBatchSize {Concurrency}, {Rounds} rounds of {duration.TotalSeconds:0} s per phase (medians reported) after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");

        double batched, naive, direct, grainBatched, grainNaive;
        double averageBatch, overheadNanoseconds, ceiling;
        using (var host = await StartSiloAsync(batching: true))
        {
            var model = host.Services.GetRequiredService<ModelCatalog>().Get(SessionType);
            var head = model.Descriptor.Heads[AnalysisType];
            var batchers = host.Services.GetRequiredService<ModelBatchers>();
            var batcher = batchers.For(SessionType);

            Func<int, long, ValueTask> batchedCall = async (caller, _) => await batcher.SubmitAsync(new ScoreRequest(features[caller], head));
            Func<int, long, ValueTask> naiveCall = async (caller, _) =>
            {
                await Task.Yield();
                model.Score(features[caller], 1, head);
            };

            await ClosedLoopLoad.RunAsync(Concurrency, warmup, batchedCall);
            await ClosedLoopLoad.RunAsync(Concurrency, warmup, naiveCall);
            DirectLoop(model, stacked, head, warmup);

            using var overheadOnly = new InferenceBatcher<ScoreRequest, float[]>(
                "no model", ReadyResults(head, Concurrency), Concurrency,
                host.Services.GetRequiredService<IOptions<AnalysisOptions>>().Value.Batching.MaxBatchWait, TimeProvider.System, NullLogger.Instance);
            Func<int, long, ValueTask> overheadCall = async (caller, _) => await overheadOnly.SubmitAsync(new ScoreRequest(features[caller], head));
            await ClosedLoopLoad.RunAsync(Concurrency, warmup, overheadCall);

            // The phases alternate over several rounds and each result is the median of its rounds, so a burst of
            // load from elsewhere on a shared machine skews one round of one phase, not a whole ratio.
            var batchedRounds = new List<double>();
            var naiveRounds = new List<double>();
            var directRounds = new List<double>();
            var overheadRounds = new List<double>();
            var before = (batcher.Statistics.BatchesRun, batcher.Statistics.ItemsRun);
            for (var round = 1; round <= Rounds; round++)
            {
                Console.WriteLine($"  round {round}/{Rounds}");
                batchedRounds.Add((await Measure("batched (dynamic batcher)", batchedCall, duration)).CallsPerSecond);
                naiveRounds.Add((await Measure("naive (one run per request)", naiveCall, duration)).CallsPerSecond);
                directRounds.Add(DirectLoop(model, stacked, head, duration));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"direct (1 thread, batch 64)",-36} {directRounds[^1],12:N0} req/s"));
                overheadRounds.Add((await Measure("batcher without a model", overheadCall, duration)).CallsPerSecond);
            }

            averageBatch = (double)(batcher.Statistics.ItemsRun - before.ItemsRun) / (batcher.Statistics.BatchesRun - before.BatchesRun);
            batched = Median(batchedRounds);
            naive = Median(naiveRounds);
            direct = Median(directRounds);
            overheadNanoseconds = 1e9 / Median(overheadRounds);
            var directRunMicroseconds = 1e6 * Concurrency / direct;
            ceiling = directRunMicroseconds / (directRunMicroseconds + (Concurrency * overheadNanoseconds / 1000));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  one direct batch-64 run {directRunMicroseconds:0.0} us; batching adds {overheadNanoseconds:0} ns per request ({Concurrency * overheadNanoseconds / 1000:0.0} us per batch of {Concurrency}), so at most {ceiling:0.00} of direct"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  average batch {averageBatch:0.0} requests"));

            var grainBefore = (batcher.Statistics.BatchesRun, batcher.Statistics.ItemsRun);
            grainBatched = await MeasureGrainAsync(host, "worker grain, batching on", cues, duration, warmup);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    average batch {(double)(batcher.Statistics.ItemsRun - grainBefore.ItemsRun) / (batcher.Statistics.BatchesRun - grainBefore.BatchesRun):0.0} requests (warm-up included)"));
            await host.StopAsync();
        }

        using (var host = await StartSiloAsync(batching: false))
        {
            grainNaive = await MeasureGrainAsync(host, "worker grain, batching off", cues, duration, warmup);
            await host.StopAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT batching batched_per_sec={batched:0} naive_per_sec={naive:0} direct_batch64_per_sec={direct:0} ratio_vs_naive={batched / naive:0.00} ratio_vs_direct={batched / direct:0.000} overhead_ns_per_request={overheadNanoseconds:0} ceiling_vs_direct={ceiling:0.00} avg_batch={averageBatch:0.0} grain_batched_per_sec={grainBatched:0} grain_unbatched_per_sec={grainNaive:0} grain_ratio={grainBatched / grainNaive:0.00}"));
        return 0;
    }

    /// <summary>A batch function that runs no model: it hands back, for each request, a ready row of the head's width.</summary>
    private static Func<IReadOnlyList<ScoreRequest>, IReadOnlyList<float[]>> ReadyResults(AnalysisHead head, int most)
    {
        var rows = Enumerable.Range(0, most).Select(_ => new float[head.Labels.Count]).ToArray();
        return items => new ArraySegment<float[]>(rows, 0, items.Count);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One thread, nothing but ONNX Runtime runs of batch 64 on ready inputs; requests (rows) per second.</summary>
    private static double DirectLoop(ReferenceModel model, float[] stacked, AnalysisHead head, TimeSpan duration)
    {
        double result = 0;
        var thread = new Thread(() =>
        {
            long runs = 0;
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                model.Score(stacked, Concurrency, head);
                runs++;
            }

            result = runs * Concurrency / Stopwatch.GetElapsedTime(started).TotalSeconds;
        });
        thread.Start();
        thread.Join();
        return result;
    }

    private static async Task<double> MeasureGrainAsync(IHost host, string name, string[] cues, TimeSpan duration, TimeSpan warmup)
    {
        var worker = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnalysisWorkerGrain>(0);
        var inputs = cues.Select(cue => new AnalysisInput(SessionType, cue, AnalysisType, 0.5)).ToArray();
        Func<int, long, ValueTask> call = async (caller, _) => await worker.Analyze(inputs[caller]);
        await ClosedLoopLoad.RunAsync(Concurrency, warmup, call);
        return (await Measure(name, call, duration)).CallsPerSecond;
    }

    private static async Task<IHost> StartSiloAsync(bool batching)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analysis:Batching:Enabled"] = batching ? "true" : "false",
            ["Analysis:Batching:MaxBatchSize"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        });
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            silo.AddMemoryGrainStorage();
            silo.Services.AddAnalysis();
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<LoadResult> Measure(string name, Func<int, long, ValueTask> call, TimeSpan duration)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var result = await ClosedLoopLoad.RunAsync(Concurrency, duration, call);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-36} {result.CallsPerSecond,12:N0} req/s  p50 {result.Latency.QuantileMicroseconds(0.5),8:0} us  p99 {result.Latency.QuantileMicroseconds(0.99),8:0} us  {result.AllocatedBytesPerCall,6:0} B/req"));
        return result;
    }
}
