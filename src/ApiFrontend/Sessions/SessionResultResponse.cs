using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>One analysis result (API.md): <c>confidence_score</c> is a number with 4 decimals.</summary>
internal sealed record SessionResultResponse(
    Guid Id,
    Guid SessionId,
    string ResultType,
    decimal ConfidenceScore,
    JsonElement Data,
    ModelInfo Model,
    DateTimeOffset CreatedAt)
{
    public static SessionResultResponse From(SessionResult result) => new(
        result.Id,
        result.SessionId,
        result.ResultType,
        decimal.Round(result.ConfidenceScore, 4),
        result.Data,
        result.Model,
        result.CreatedAt);
}
