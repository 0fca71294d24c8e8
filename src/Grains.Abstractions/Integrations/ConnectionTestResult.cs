namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// The outcome of one outbound call (API.md: <c>{success, latency_ms, error}</c>), plus the HTTP status when there was one
/// and, for <c>openai_compatible</c>, the model ids the provider listed.
/// </summary>
public sealed record ConnectionTestResult(bool Success, double LatencyMs, string? Error, int? StatusCode, IReadOnlyList<string>? Models = null);
