using System.Text.Json;
using System.Text.Json.Serialization;

namespace MindPeeker.Sdk.Sessions;

/// <summary>The body of <c>POST /v1/sessions</c>.</summary>
/// <param name="Cue">1–4,000 characters.</param>
/// <param name="SessionType">See <see cref="Session.SessionType"/>.</param>
public sealed record CreateSessionRequest(
    [property: JsonPropertyName("cue")] string Cue,
    [property: JsonPropertyName("session_type")] string SessionType)
{
    [JsonPropertyName("parameters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionParameters? Parameters { get; init; }

    /// <summary>Your own JSON object (at most 16 KiB), returned as is.</summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Metadata { get; init; }
}

/// <summary>Optional analysis parameters.</summary>
public sealed record SessionParameters
{
    /// <summary>0–1.</summary>
    [JsonPropertyName("confidence_threshold")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ConfidenceThreshold { get; init; }

    [JsonPropertyName("analysis_types")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AnalysisTypes { get; init; }
}
