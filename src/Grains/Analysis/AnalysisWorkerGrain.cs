using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Runs one analysis on the silo's CPU. A stateless worker: up to one activation per core, so analyses of
/// many sessions run side by side while each activation handles one call at a time.
/// </summary>
[StatelessWorker]
internal sealed class AnalysisWorkerGrain(CueAnalyzer analyzer) : Grain, IAnalysisWorkerGrain
{
    public Task<AnalysisFinding> Analyze(AnalysisInput input) => Task.FromResult(analyzer.Analyze(input));
}
