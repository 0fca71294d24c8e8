namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// How a session is analysed: the confidence threshold (0–1) results are compared with, and the
/// analysis types to run, in order (one result each). Stored as given, after defaults were applied.
/// </summary>
public sealed record SessionParameters(double ConfidenceThreshold, IReadOnlyList<string> AnalysisTypes);
