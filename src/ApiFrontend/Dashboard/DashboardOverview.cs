namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The cluster overview (<c>GET /v1/admin/dashboard/overview</c>): per-silo resources and the cluster's call rates
/// over the last window (<see cref="WindowSeconds"/>: the time since the previous collection, or since the silo
/// started for the first one). <see cref="ErrorRate"/> is exceptions / calls (0–1); latencies are null without calls.
/// </summary>
public sealed record DashboardOverview(
    DateTimeOffset CollectedAt,
    double WindowSeconds,
    IReadOnlyList<SiloOverview> Silos,
    int TotalActivations,
    double RequestsPerSecond,
    double? ErrorRate,
    double? AvgLatencyMs,
    double? P99LatencyMs,
    IReadOnlyList<OverviewHistoryPoint> History);

/// <summary>
/// One silo in the overview. <see cref="CpuPercent"/> is the process's share of the whole machine (0–100);
/// <see cref="MemoryBytes"/> its working set. Numbers are null when the silo did not answer (<see cref="Answered"/>).
/// </summary>
public sealed record SiloOverview(
    string Silo,
    string SiloName,
    IReadOnlyList<string> Roles,
    string Status,
    bool Answered,
    string? Error,
    double? CpuPercent,
    long? MemoryBytes,
    long? GcHeapBytes,
    int? Activations,
    int? WaitingRequests,
    long? ThreadPoolQueueLength,
    double? RequestsPerSecond);

/// <summary>
/// One collection in the overview's history: cluster rates, total activations, mean CPU % of the silos that
/// answered and the sum of their working sets.
/// </summary>
public sealed record OverviewHistoryPoint(
    DateTimeOffset At,
    double RequestsPerSecond,
    double? ErrorRate,
    double? AvgLatencyMs,
    double? P99LatencyMs,
    int TotalActivations,
    double? CpuPercent,
    long MemoryBytes);
