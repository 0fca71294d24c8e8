namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// Outbound call statistics over the last <see cref="WindowSeconds"/> seconds: latencies in milliseconds (average and
/// percentiles, <see langword="null"/> without calls), success and error rates as fractions 0–1 of <see cref="TotalCalls"/>,
/// and <see cref="ThroughputPerMinute"/> calls per minute averaged over the window. Refused (rate-limited) calls are
/// counted in <see cref="RateLimitedCalls"/> only.
/// </summary>
public sealed record IntegrationMetrics(
    int WindowSeconds,
    long TotalCalls,
    long SuccessfulCalls,
    long FailedCalls,
    long RateLimitedCalls,
    double SuccessRate,
    double ErrorRate,
    double ThroughputPerMinute,
    double? LatencyAvgMs,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? LatencyP99Ms);
