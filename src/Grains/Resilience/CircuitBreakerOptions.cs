namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Circuit breaker settings, bound from <c>Resilience:Breakers</c> and validated on start. The top-level values
/// apply to every dependency unless an entry of <see cref="Overrides"/> matches its name. Polly v8 semantics: the
/// breaker opens when, within <see cref="SamplingDuration"/>, at least <see cref="MinimumThroughput"/> calls were
/// made and the failed share is at least <see cref="FailureRatio"/>.
/// </summary>
public sealed class CircuitBreakerOptions
{
    public const string SectionName = "Resilience:Breakers";

    /// <summary>Failed share (0 exclusive – 1 inclusive) that opens the breaker. Default 0.5.</summary>
    public double FailureRatio { get; set; } = CircuitBreakerConstants.DefaultFailureRatio;

    /// <summary>Calls in the window below which the breaker never opens (at least 2). Default 5 (SPEC failure threshold).</summary>
    public int MinimumThroughput { get; set; } = CircuitBreakerConstants.DefaultMinimumThroughput;

    /// <summary>The sliding window outcomes are sampled over (0.5 s – 1 day). Default 30 s (SPEC timeout).</summary>
    public TimeSpan SamplingDuration { get; set; } = CircuitBreakerConstants.DefaultSamplingDuration;

    /// <summary>How long an opened breaker refuses calls before one trial (0.5 s – 1 day). Default 60 s (SPEC reset).</summary>
    public TimeSpan BreakDuration { get; set; } = CircuitBreakerConstants.DefaultBreakDuration;

    /// <summary>Consecutive successful trials, one at a time, that close a half-open breaker (1–100). Default 2 (SPEC).</summary>
    public int SuccessThreshold { get; set; } = CircuitBreakerConstants.DefaultSuccessThreshold;

    /// <summary>Per-prefix settings; the longest matching <see cref="CircuitBreakerOverride.Prefix"/> wins.</summary>
    public List<CircuitBreakerOverride> Overrides { get; set; } = [];

    /// <summary>How often each silo sends its pending outcomes to the breakers (10 ms – 1 min). Default 1 s.</summary>
    public TimeSpan ReportInterval { get; set; } = CircuitBreakerConstants.DefaultReportInterval;

    /// <summary>How often a silo renews its subscription to each breaker it guards (1 s – 10 min). Default 30 s.</summary>
    public TimeSpan SubscriptionRenewal { get; set; } = CircuitBreakerConstants.DefaultSubscriptionRenewal;

    /// <summary>How long a breaker keeps a subscription that is not renewed (more than the renewal). Default 2 min.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = CircuitBreakerConstants.DefaultSubscriptionExpiry;

    /// <summary>How long a silo keeps a dependency it ran no call for before unsubscribing. Default 15 min.</summary>
    public TimeSpan IdleTimeout { get; set; } = CircuitBreakerConstants.DefaultIdleTimeout;

    /// <summary>The settings for <paramref name="dependency"/>: defaults with the longest matching override applied.</summary>
    internal BreakerPolicy PolicyFor(string dependency)
    {
        var match = Overrides
            .Where(o => dependency.StartsWith(o.Prefix, StringComparison.Ordinal))
            .MaxBy(o => o.Prefix.Length);
        return new BreakerPolicy(
            match?.FailureRatio ?? FailureRatio,
            match?.MinimumThroughput ?? MinimumThroughput,
            match?.SamplingDuration ?? SamplingDuration,
            match?.BreakDuration ?? BreakDuration,
            match?.SuccessThreshold ?? SuccessThreshold);
    }
}
