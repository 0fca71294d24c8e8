namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The grains view (<c>GET /v1/admin/dashboard/grains</c>): activations by grain type and silo, every grain method
/// seen (sorted by grain type then method) with its rates over the window, and the top lists.
/// </summary>
public sealed record DashboardGrains(
    DateTimeOffset CollectedAt,
    double WindowSeconds,
    IReadOnlyList<GrainTypeActivations> Activations,
    IReadOnlyList<GrainMethodStatistics> Methods,
    TopGrainMethods Top);

/// <summary>Activations of one grain type: the cluster total and the count on each silo (by silo address).</summary>
public sealed record GrainTypeActivations(string GrainType, int Total, IReadOnlyDictionary<string, int> BySilo);

/// <summary>
/// One grain method across the cluster: <see cref="Calls"/> and <see cref="Exceptions"/> in the window,
/// <see cref="ExceptionRate"/> = exceptions / calls (0–1, null without calls), latencies in milliseconds (p50/p99
/// from the histogram, within ±3.2 %), <see cref="TotalCalls"/> since the silos started.
/// </summary>
public sealed record GrainMethodStatistics(
    string GrainType,
    string Method,
    long Calls,
    double CallsPerSecond,
    long Exceptions,
    double? ExceptionRate,
    double? AvgMs,
    double? P50Ms,
    double? P99Ms,
    long TotalCalls);

/// <summary>
/// The busiest methods (at most 10 each), descending, ties by grain type then method: by calls per second; by
/// exceptions (only methods with exceptions in the window; then by exception rate); by p99 latency (only methods
/// called in the window).
/// </summary>
public sealed record TopGrainMethods(
    IReadOnlyList<GrainMethodStatistics> ByCalls,
    IReadOnlyList<GrainMethodStatistics> ByErrors,
    IReadOnlyList<GrainMethodStatistics> ByLatency);

/// <summary>What <c>dashboard_snapshot</c> carries: the overview and the grains view of one collection.</summary>
public sealed record DashboardSnapshot(DashboardOverview Overview, DashboardGrains Grains);
