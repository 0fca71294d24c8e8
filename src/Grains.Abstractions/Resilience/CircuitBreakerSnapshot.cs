namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// What a silo's guard caches of one breaker. <see cref="Version"/> rises with every state change, so a guard
/// keeps the newest snapshot whichever order notifications and call replies arrive in.
/// <see cref="BlockedUntil"/> is when the next trial may be asked for (open), or when the current trial's permit
/// lapses (half-open); null when closed or isolated. <see cref="WindowThroughput"/> and
/// <see cref="WindowFailures"/> are the breaker's cluster-wide sample when the snapshot was taken.
/// </summary>
public sealed record CircuitBreakerSnapshot(
    string Dependency,
    CircuitState State,
    long Version,
    DateTimeOffset? BlockedUntil,
    int WindowThroughput,
    int WindowFailures);
