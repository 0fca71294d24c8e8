using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Analysis;

/// <summary>
/// One analysis result: its type, the model's confidence (0–1, rounded to 4 decimals), whether it
/// met the session's threshold, the model's output as JSON, and which model produced it.
/// </summary>
public sealed record AnalysisFinding(string ResultType, decimal ConfidenceScore, bool MeetsThreshold, JsonElement Data, ModelInfo Model);

/// <summary>The model behind a finding, as results report it (<c>model: {name, version}</c>).</summary>
public sealed record ModelInfo(string Name, string Version);
