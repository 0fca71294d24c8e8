namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>One page of known breakers, newest first; <see cref="HasMore"/> when a next page exists.</summary>
public sealed record CircuitBreakerPage(IReadOnlyList<CircuitBreakerStatus> Items, bool HasMore);
