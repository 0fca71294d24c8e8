using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience.Health;

namespace MindPeeker.Grains.Resilience.Controller;

/// <summary>One state change of a breaker, with the sample that caused it.</summary>
internal sealed record CircuitTransition(CircuitState From, CircuitState To, HealthInfo Health);
