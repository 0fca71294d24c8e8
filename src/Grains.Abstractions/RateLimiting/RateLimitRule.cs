namespace MindPeeker.Grains.Abstractions.RateLimiting;

/// <summary>
/// What a rate-limit bucket enforces: <see cref="PermitLimit"/> requests per <see cref="Window"/> with
/// <see cref="Algorithm"/>. <see cref="BurstLimit"/> is the token bucket's capacity (the most requests
/// admitted back to back); <see cref="SegmentsPerWindow"/> the sliding window's resolution. Both are
/// ignored by the algorithms that do not use them. Immutable; build with the static factories.
/// </summary>
public sealed record RateLimitRule(RateLimitAlgorithm Algorithm, int PermitLimit, TimeSpan Window, int BurstLimit, int SegmentsPerWindow)
{
    /// <summary>The largest permit or burst limit a rule may have.</summary>
    public const int MaxPermits = 1_000_000;

    /// <summary>The largest number of segments a sliding window may have.</summary>
    public const int MaxSegments = 600;

    /// <summary>The longest window a rule may have.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>A token bucket of capacity <paramref name="burstLimit"/> (default: <paramref name="permitLimit"/>).</summary>
    public static RateLimitRule TokenBucket(int permitLimit, TimeSpan window, int? burstLimit = null) =>
        new(RateLimitAlgorithm.TokenBucket, permitLimit, window, burstLimit ?? permitLimit, 1);

    public static RateLimitRule SlidingWindow(int permitLimit, TimeSpan window, int segmentsPerWindow) =>
        new(RateLimitAlgorithm.SlidingWindow, permitLimit, window, permitLimit, segmentsPerWindow);

    public static RateLimitRule FixedWindow(int permitLimit, TimeSpan window) =>
        new(RateLimitAlgorithm.FixedWindow, permitLimit, window, permitLimit, 1);

    /// <summary>What is wrong with this rule, or <see langword="null"/> when it can be enforced.</summary>
    public string? Problem() => this switch
    {
        _ when !Enum.IsDefined(Algorithm) => $"Unknown rate-limit algorithm {Algorithm}.",
        _ when PermitLimit is < 1 or > MaxPermits => $"PermitLimit must be between 1 and {MaxPermits}, not {PermitLimit}.",
        _ when Window < TimeSpan.FromSeconds(1) || Window > MaxWindow => $"Window must be between 1 second and {MaxWindow}, not {Window}.",
        _ when BurstLimit is < 1 or > MaxPermits => $"BurstLimit must be between 1 and {MaxPermits}, not {BurstLimit}.",
        _ when SegmentsPerWindow is < 1 or > MaxSegments => $"SegmentsPerWindow must be between 1 and {MaxSegments}, not {SegmentsPerWindow}.",
        _ when Window.Ticks % SegmentsPerWindow != 0 => $"Window {Window} does not divide into {SegmentsPerWindow} equal segments.",
        _ => null,
    };
}
