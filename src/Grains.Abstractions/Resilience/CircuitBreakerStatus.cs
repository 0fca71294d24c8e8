namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// A breaker as administrators see it. <see cref="FailureRatio"/> (0–1) and <see cref="Throughput"/> cover the
/// sampling window (calls reported by every silo); <see cref="NextTrialAt"/> is when a trial call is next let
/// through (null when closed or isolated); <see cref="UpdatedAt"/> is the last state change.
/// </summary>
public sealed record CircuitBreakerStatus(
    string Dependency,
    CircuitState State,
    double FailureRatio,
    int Throughput,
    int Failures,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? NextTrialAt,
    bool Isolated,
    DateTimeOffset UpdatedAt,
    long Version);
