namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Breaker settings for the dependencies whose names start with <see cref="Prefix"/> (for example <c>ai:</c> or
/// <c>ai:nim:moonshotai/kimi-k2.5</c>); unset values inherit the defaults. The longest matching prefix wins.
/// A list item rather than a dictionary key because ':' separates configuration sections.
/// </summary>
public sealed class CircuitBreakerOverride
{
    public string Prefix { get; set; } = string.Empty;

    public double? FailureRatio { get; set; }

    public int? MinimumThroughput { get; set; }

    public TimeSpan? SamplingDuration { get; set; }

    public TimeSpan? BreakDuration { get; set; }

    public int? SuccessThreshold { get; set; }
}
