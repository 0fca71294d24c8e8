namespace MindPeeker.Grains.Resilience;

/// <summary>The breaker settings that apply to one dependency (defaults with the longest matching override).</summary>
internal sealed record BreakerPolicy(
    double FailureRatio,
    int MinimumThroughput,
    TimeSpan SamplingDuration,
    TimeSpan BreakDuration,
    int SuccessThreshold);
