using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Analysis;
using MindPeeker.Runtime.Hosting;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Analysis;

public sealed class AnalysisWorkerGrainTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await StartSiloAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Concurrent_callers_each_get_the_findings_for_their_own_cue_and_type()
    {
        var requests = (
            from cueIndex in Enumerable.Range(0, ReferenceData.Cues.Count)
            from sessionType in AnalysisTypes.BySessionType.Keys
            from analysisType in AnalysisTypes.BySessionType[sessionType]
            select (cueIndex, sessionType, analysisType)).ToList();
        using var start = new Barrier(4);

        // Four callers on their own threads, released together, each sending every request.
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return Task.WhenAll(requests.Select(r => _silo.GrainFactory.GetGrain<IAnalysisWorkerGrain>(0)
                    .Analyze(new AnalysisInput(r.sessionType, ReferenceData.Cues[r.cueIndex], r.analysisType, 0.7))));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToList();
        var results = await Task.WhenAll(callers);

        foreach (var findings in results)
        {
            findings.Should().HaveCount(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                var (cueIndex, sessionType, analysisType) = requests[i];
                var expected = Math.Round((decimal)ReferenceData.Scores(sessionType, analysisType, cueIndex).Max(), 4);
                findings[i].ResultType.Should().Be(analysisType);
                findings[i].ConfidenceScore.Should().BeApproximately(expected, 0.0001m, "{0}/{1} of cue #{2}", sessionType, analysisType, cueIndex);
                findings[i].MeetsThreshold.Should().Be(findings[i].ConfidenceScore >= 0.7m);
                findings[i].Model.Name.Should().Be(ReferenceData.Model(sessionType).GetProperty("name").GetString());
            }
        }
    }

    [Fact]
    public async Task An_unsupported_analysis_type_reaches_the_caller_as_an_argument_exception()
    {
        var worker = _silo.GrainFactory.GetGrain<IAnalysisWorkerGrain>(0);

        var act = () => worker.Analyze(new AnalysisInput("precognition", "next spring", "spatial", 0.8));

        await act.Should().ThrowAsync<ArgumentException>()
            .WithMessage("Analysis type 'spatial' is not supported for session type 'precognition'*");
    }

    [Fact]
    public async Task A_silo_whose_model_folder_lacks_the_models_refuses_to_start()
    {
        var empty = Directory.CreateTempSubdirectory("mindpeeker-no-models-");
        try
        {
            var act = () => StartSiloAsync(new Dictionary<string, string?> { ["Analysis:ModelDirectory"] = empty.FullName });

            (await act.Should().ThrowAsync<OptionsValidationException>())
                .Which.Message.Should().Contain("has no model file").And.Contain("remote_viewing.onnx");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static Task<TestSilo> StartSiloAsync(IDictionary<string, string?>? configuration = null) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(GrainsAssembly).Assembly);
                silo.AddMemoryGrainStorage();
                silo.Services.AddAnalysis();
            },
            configuration: configuration);
}
