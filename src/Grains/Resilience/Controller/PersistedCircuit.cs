using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Grains.Resilience.Controller;

/// <summary>A breaker's durable part: what survives the grain moving to another silo (the window does not).</summary>
internal sealed record PersistedCircuit(
    CircuitState State,
    long Version,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? BlockedUntil,
    DateTimeOffset UpdatedAt);
