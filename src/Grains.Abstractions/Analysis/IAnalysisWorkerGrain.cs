using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Analysis;

/// <summary>
/// Runs one analysis (one analysis type of one session) on the local inference engine. A stateless
/// worker: call it with key 0; the runtime spreads calls over the silo's workers.
/// </summary>
public interface IAnalysisWorkerGrain : IGrainWithIntegerKey
{
    Task<AnalysisFinding> Analyze(AnalysisInput input);
}
