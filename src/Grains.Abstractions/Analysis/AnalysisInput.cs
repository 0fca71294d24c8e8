namespace MindPeeker.Grains.Abstractions.Analysis;

/// <summary>What one analysis needs: the cue, its session type, the analysis type and the threshold (0–1).</summary>
public sealed record AnalysisInput(string SessionType, string Cue, string AnalysisType, double ConfidenceThreshold);
