namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>Calls that finished on one silo since its last report: counts, never negative.</summary>
public sealed record OutcomeReport(int Successes, int Failures);
