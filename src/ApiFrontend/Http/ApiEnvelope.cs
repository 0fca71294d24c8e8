using System.Text.Json.Serialization;

namespace MindPeeker.ApiFrontend.Http;

/// <summary>The success body every /v1 endpoint answers with (API.md, "Conventions").</summary>
public sealed record ApiEnvelope<T>(
    bool Success,
    T Data,
    string Message,
    DateTimeOffset Timestamp,
    [property: JsonPropertyName("requestId")] string RequestId);
