namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// One structured log entry of an integration: what happened (<see cref="Operation"/>: <c>test</c>, <c>connect</c>,
/// <c>disconnect</c>, <c>sync</c>, <c>create</c>, <c>update</c>, <c>credentials_rotated</c>...), at which level
/// (<c>info</c>, <c>warning</c>, <c>error</c>), its latency and HTTP status for outbound calls. Never holds secrets.
/// </summary>
public sealed record IntegrationLogEntry(
    DateTimeOffset Timestamp,
    string Level,
    string Operation,
    string Message,
    double? LatencyMs,
    int? StatusCode);
