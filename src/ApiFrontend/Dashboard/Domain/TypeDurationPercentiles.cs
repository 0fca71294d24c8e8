namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>Percentiles in milliseconds of <see cref="Count"/> durations (null when none); <see cref="SessionType"/> null means all types.</summary>
internal sealed record TypeDurationPercentiles(string? SessionType, long Count, double? P50Ms, double? P95Ms, double? P99Ms);
