namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Bulkhead settings, bound from <c>Resilience:Bulkheads</c> and validated on start: per dependency and per silo,
/// at most <see cref="MaxConcurrent"/> calls run and <see cref="MaxQueue"/> wait (oldest first) up to
/// <see cref="QueueTimeout"/>; anything beyond is refused with <c>BulkheadRejectedException</c>.
/// </summary>
public sealed class BulkheadOptions
{
    public const string SectionName = "Resilience:Bulkheads";

    /// <summary>Calls running at once (1–10,000). Default 16.</summary>
    public int MaxConcurrent { get; set; } = CircuitBreakerConstants.DefaultMaxConcurrent;

    /// <summary>Calls waiting for a slot (0–100,000). Default 64.</summary>
    public int MaxQueue { get; set; } = CircuitBreakerConstants.DefaultMaxQueue;

    /// <summary>The longest a call waits in the queue (1 ms – 10 min). Default 10 s.</summary>
    public TimeSpan QueueTimeout { get; set; } = CircuitBreakerConstants.DefaultQueueTimeout;

    /// <summary>Per-prefix settings; the longest matching <see cref="BulkheadOverride.Prefix"/> wins.</summary>
    public List<BulkheadOverride> Overrides { get; set; } = [];

    internal BulkheadPolicy PolicyFor(string dependency)
    {
        var match = Overrides
            .Where(o => dependency.StartsWith(o.Prefix, StringComparison.Ordinal))
            .MaxBy(o => o.Prefix.Length);
        return new BulkheadPolicy(
            match?.MaxConcurrent ?? MaxConcurrent,
            match?.MaxQueue ?? MaxQueue,
            match?.QueueTimeout ?? QueueTimeout);
    }
}
