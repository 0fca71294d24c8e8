using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Runs analyses on the silo's inference engine. A reentrant stateless worker: up to one activation per core, each
/// interleaving its calls while they wait for their batch, so every concurrent analysis on the silo reaches the
/// per-model batcher (<see cref="ModelBatchers"/>) and many of them share one ONNX Runtime run. With batching
/// disabled each call runs alone on its activation's turn. Pinned to silos with the <c>gpu</c> role; with none up,
/// calls fail fast unless <c>Silo:Placement:RoleFallbacks:gpu</c> lets CPU silos stand in (the development default).
/// </summary>
[RolePlacement("gpu")]
[StatelessWorker]
[Reentrant]
internal sealed class AnalysisWorkerGrain(CueAnalyzer analyzer) : Grain, IAnalysisWorkerGrain
{
    public Task<AnalysisFinding> Analyze(AnalysisInput input) => analyzer.AnalyzeAsync(input, CancellationToken.None);
}
