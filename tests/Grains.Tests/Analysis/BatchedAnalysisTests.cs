using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Analysis;
using MindPeeker.Runtime.Hosting;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>
/// Dynamic batching on the real models: concurrent analyses share ONNX Runtime runs and every caller still gets
/// exactly the finding an unbatched run gives for its own cue and analysis type. The batch wait's clock is fake, so a
/// batch runs only because it filled up or because a test advanced the clock.
/// </summary>
public sealed class BatchedAnalysisTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Sixty_four_concurrent_grain_calls_share_one_onnx_run_and_each_gets_its_unbatched_finding()
    {
        var requests = Requests("remote_viewing", 64);
        await using var silo = await StartSiloAsync();
        var worker = silo.GrainFactory.GetGrain<IAnalysisWorkerGrain>(0);

        var findings = await Task.WhenAll(requests.Select(worker.Analyze)).WaitAsync(Generous, TimeProvider.System);

        var statistics = Batchers(silo).For("remote_viewing").Statistics;
        statistics.BatchesRun.Should().Be(1, "64 concurrent requests fill one batch of MaxBatchSize 64");
        statistics.ItemsRun.Should().Be(64);
        var unbatched = Analyzer(silo);
        for (var i = 0; i < requests.Count; i++)
        {
            ShouldMatch(findings[i], unbatched.Analyze(requests[i]), i);
        }
    }

    [Fact]
    public async Task Batches_never_exceed_MaxBatchSize_and_each_model_batches_on_its_own()
    {
        await using var host = await AnalysisTestHost.StartAsync(Settings(maxBatchSize: 16), _clock);
        var requests = Requests("precognition", 40).Concat(Requests("dowsing", 16)).ToList();

        var tasks = requests.Select(r => host.Analyzer.AnalyzeAsync(r, CancellationToken.None)).ToList();
        await Task.WhenAll(tasks.Take(32).Concat(tasks.Skip(40))).WaitAsync(Generous, TimeProvider.System);
        tasks.Skip(32).Take(8).Should().OnlyContain(t => !t.IsCompleted, "8 precognition requests wait for company");
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        var findings = await Task.WhenAll(tasks).WaitAsync(Generous, TimeProvider.System);

        var precognition = host.Batchers.For("precognition").Statistics;
        precognition.BatchesRun.Should().Be(3);
        precognition.LargestBatch.Should().Be(16);
        precognition.ItemsRun.Should().Be(40);
        host.Batchers.For("dowsing").Statistics.BatchesRun.Should().Be(1);
        for (var i = 0; i < requests.Count; i++)
        {
            ShouldMatch(findings[i], host.Analyzer.Analyze(requests[i]), i);
        }
    }

    [Fact]
    public async Task A_lone_analysis_runs_after_MaxBatchWait()
    {
        await using var host = await AnalysisTestHost.StartAsync(Settings(maxBatchSize: 64), _clock);
        var request = new AnalysisInput("intuitive_analysis", "a spiral staircase", "pattern", 0.3);

        var task = host.Analyzer.AnalyzeAsync(request, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(1.9));
        task.IsCompleted.Should().BeFalse();
        host.Batchers.For("intuitive_analysis").Statistics.BatchesRun.Should().Be(0);

        _clock.Advance(TimeSpan.FromMilliseconds(0.1));
        var finding = await task.WaitAsync(Generous, TimeProvider.System);

        ShouldMatch(finding, host.Analyzer.Analyze(request), 0);
        host.Batchers.For("intuitive_analysis").Statistics.ItemsRun.Should().Be(1);
    }

    [Fact]
    public async Task With_batching_disabled_every_analysis_runs_alone_at_once()
    {
        var settings = Settings(maxBatchSize: 64);
        settings["Analysis:Batching:Enabled"] = "false";
        await using var host = await AnalysisTestHost.StartAsync(settings, _clock);

        var finding = await host.Analyzer.AnalyzeAsync(new AnalysisInput("dowsing", "north of the barn", "location", 0.2), CancellationToken.None)
            .WaitAsync(Generous, TimeProvider.System);

        finding.ResultType.Should().Be("location");
        host.Batchers.For("dowsing").Statistics.BatchesRun.Should().Be(0);
    }

    [Fact]
    public async Task A_bad_request_is_refused_before_batching_and_does_not_touch_the_others()
    {
        await using var host = await AnalysisTestHost.StartAsync(Settings(maxBatchSize: 2), _clock);

        var bad = () => host.Analyzer.AnalyzeAsync(new AnalysisInput("dowsing", "cue", "trend", 0.5), CancellationToken.None);
        await bad.Should().ThrowAsync<ArgumentException>().WithMessage("Analysis type 'trend' is not supported for session type 'dowsing'*");
        var good = await Task.WhenAll(Requests("dowsing", 2).Select(r => host.Analyzer.AnalyzeAsync(r, CancellationToken.None)))
            .WaitAsync(Generous, TimeProvider.System);

        good.Should().HaveCount(2);
        host.Batchers.For("dowsing").Statistics.ItemsRun.Should().Be(2);
    }

    [Fact]
    public async Task A_silo_whose_clock_is_frozen_still_answers_a_lone_analysis_because_the_batch_wait_uses_the_real_clock()
    {
        await using var silo = await TestSilo.StartAsync(
            s =>
            {
                s.AddGrains(typeof(GrainsAssembly).Assembly);
                s.AddMemoryGrainStorage();
                s.Services.AddAnalysis();
            },
            _clock);

        var finding = await silo.GrainFactory.GetGrain<IAnalysisWorkerGrain>(0)
            .Analyze(new AnalysisInput("precognition", "the harvest", "trend", 0.5))
            .WaitAsync(Generous, TimeProvider.System);

        finding.ResultType.Should().Be("trend");
        Batchers(silo).For("precognition").Statistics.ItemsRun.Should().Be(1);
    }

    /// <summary><paramref name="count"/> distinct requests for one model, cycling through its analysis types.</summary>
    private static List<AnalysisInput> Requests(string sessionType, int count)
    {
        var types = AnalysisTypes.BySessionType[sessionType];
        return [.. Enumerable.Range(0, count).Select(i => new AnalysisInput(
            sessionType,
            i < ReferenceData.Cues.Count ? ReferenceData.Cues[i] : $"cue {i}: a {(i % 3 == 0 ? "red" : "quiet")} place near water, seen #{i * 7}",
            types[i % types.Count],
            0.1 * (i % 10)))];
    }

    private static void ShouldMatch(AnalysisFinding batched, AnalysisFinding single, int index)
    {
        batched.ResultType.Should().Be(single.ResultType);
        batched.ConfidenceScore.Should().Be(single.ConfidenceScore, "request #{0}", index);
        batched.MeetsThreshold.Should().Be(single.MeetsThreshold);
        batched.Model.Should().Be(single.Model);
        batched.Data.GetProperty("label").GetString().Should().Be(single.Data.GetProperty("label").GetString());
        var expected = single.Data.GetProperty("model_outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        var actual = batched.Data.GetProperty("model_outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetSingle());
        actual.Keys.Should().Equal(expected.Keys);
        foreach (var (label, probability) in expected)
        {
            actual[label].Should().BeApproximately(probability, 1e-6f, "{0} of request #{1}", label, index);
        }
    }

    private static Dictionary<string, string?> Settings(int maxBatchSize) => new()
    {
        ["Analysis:Batching:MaxBatchSize"] = maxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Analysis:Batching:MaxBatchWait"] = "00:00:00.002",
    };

    private Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(GrainsAssembly).Assembly);
                silo.AddMemoryGrainStorage();
                silo.Services.AddSingleton(new BatchWaitClock(_clock));
                silo.Services.AddAnalysis();
            },
            configuration: Settings(maxBatchSize: 64));

    private static ModelBatchers Batchers(TestSilo silo) => silo.Services.GetRequiredService<ModelBatchers>();

    private static CueAnalyzer Analyzer(TestSilo silo) => silo.Services.GetRequiredService<CueAnalyzer>();
}
