using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// One stored analysis result of a session: its type, the confidence (0–1, 4 decimals), whether
/// it met the session's threshold, the model's output and the model that produced it.
/// </summary>
public sealed record SessionResult(
    Guid Id,
    Guid SessionId,
    string ResultType,
    decimal ConfidenceScore,
    bool MeetsThreshold,
    JsonElement Data,
    ModelInfo Model,
    DateTimeOffset CreatedAt);
