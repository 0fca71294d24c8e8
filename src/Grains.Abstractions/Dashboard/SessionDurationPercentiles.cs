namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// Percentiles (milliseconds, interpolated) of <see cref="Count"/> durations of sessions of <see cref="SessionType"/>
/// (null: all types together); the percentiles are null when <see cref="Count"/> is 0.
/// </summary>
public sealed record SessionDurationPercentiles(string? SessionType, long Count, double? P50Ms, double? P95Ms, double? P99Ms);
