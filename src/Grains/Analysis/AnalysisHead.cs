namespace MindPeeker.Grains.Analysis;

/// <summary>One output of a model: the analysis type it answers and the labels of its probabilities, in output order.</summary>
internal sealed record AnalysisHead(string AnalysisType, IReadOnlyList<string> Labels);
