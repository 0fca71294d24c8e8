namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Defaults of <see cref="CircuitBreakerOptions"/> and <see cref="BulkheadOptions"/>, reconciled with SPEC.md's
/// "failure threshold 5, success threshold 2, timeout 30 s, reset 60 s" (see docs/circuit-breakers.md).
/// </summary>
internal static class CircuitBreakerConstants
{
    /// <summary>Share of failed calls in the window that opens the breaker (Polly's is 0.1).</summary>
    public const double DefaultFailureRatio = 0.5;

    /// <summary>SPEC "failure threshold 5": no breaker opens on fewer than 5 calls in the window.</summary>
    public const int DefaultMinimumThroughput = 5;

    /// <summary>SPEC "success threshold 2": consecutive successful trials (one at a time) that close the breaker.</summary>
    public const int DefaultSuccessThreshold = 2;

    /// <summary>The health buckets the sampling window is split into (as Polly's rolling health metrics).</summary>
    public const int HealthWindowCount = 10;

    /// <summary>The longest dependency name accepted.</summary>
    public const int MaxDependencyLength = 200;

    /// <summary>The default bulkhead: concurrent calls per dependency per silo.</summary>
    public const int DefaultMaxConcurrent = 16;

    /// <summary>The default bulkhead queue per dependency per silo.</summary>
    public const int DefaultMaxQueue = 64;

    /// <summary>SPEC "timeout 30 s": the sampling window.</summary>
    public static readonly TimeSpan DefaultSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>SPEC "reset 60 s": how long an opened breaker refuses calls before a trial.</summary>
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(60);

    /// <summary>The longest a call waits in the bulkhead queue.</summary>
    public static readonly TimeSpan DefaultQueueTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often a guard sends its silo's pending outcomes to each breaker.</summary>
    public static readonly TimeSpan DefaultReportInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often a guard renews its subscriptions.</summary>
    public static readonly TimeSpan DefaultSubscriptionRenewal = TimeSpan.FromSeconds(30);

    /// <summary>How long a subscription lasts without renewal.</summary>
    public static readonly TimeSpan DefaultSubscriptionExpiry = TimeSpan.FromMinutes(2);

    /// <summary>How long a guard keeps a dependency it ran no call for.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(15);
}
