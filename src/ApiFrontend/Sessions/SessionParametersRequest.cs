namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>The <c>parameters</c> of a new session: a threshold from 0 to 1 and the analysis types to run.</summary>
internal sealed record SessionParametersRequest(double? ConfidenceThreshold, IReadOnlyList<string?>? AnalysisTypes);
