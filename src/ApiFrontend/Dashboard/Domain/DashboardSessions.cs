using MindPeeker.Grains.Abstractions.Dashboard;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// The sessions page (<c>GET /v1/admin/dashboard/sessions</c>, hub message <c>dashboard_sessions</c>) over the last
/// <see cref="WindowMinutes"/> minutes: a dense per-minute series (oldest first; the last point is the current, partial
/// minute), totals and counts by type, sessions created in the window by their status now, the unfinished backlog, and
/// queue time (created → started) and inference latency (started → completed) percentiles.
/// </summary>
internal sealed record DashboardSessions(
    DateTimeOffset? CollectedAt,
    int WindowMinutes,
    IReadOnlyList<SessionMinute> PerMinute,
    SessionCounts Totals,
    IReadOnlyList<SessionTypeCounts> ByType,
    IReadOnlyList<SessionStatusCount> ByStatus,
    long Pending,
    long Processing,
    SessionDurations QueueTime,
    SessionDurations InferenceLatency,
    IReadOnlyList<SiloAnswerStatus> Silos);

/// <summary>One minute of the series (<see cref="Minute"/> is its start): all types together and per type.</summary>
internal sealed record SessionMinute(DateTimeOffset Minute, long Created, long Completed, long Failed, long Cancelled, IReadOnlyDictionary<string, SessionCounts> ByType);

/// <summary>One session type's counts over the window.</summary>
internal sealed record SessionTypeCounts(string SessionType, long Created, long Completed, long Failed, long Cancelled);

/// <summary>Duration percentiles (ms) of all types together, and per type.</summary>
internal sealed record SessionDurations(long Count, double? P50Ms, double? P95Ms, double? P99Ms, IReadOnlyList<SessionDurationPercentiles> ByType);
