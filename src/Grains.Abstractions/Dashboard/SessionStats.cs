namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// A silo's answer to the silo control request <c>dashboard.sessions</c> (snake_case JSON; the same from every silo):
/// session throughput and latency over the last <see cref="WindowMinutes"/> minutes, read from the <c>sessions</c> table
/// at <see cref="CollectedAt"/>. <see cref="QueueTime"/> is <c>created_at → started_at</c> of sessions created in the
/// window that started; <see cref="InferenceLatency"/> is <c>started_at → completed_at</c> of sessions completed in the
/// window (all analyses of the session, provider calls and retries included). Both list all types (session type null)
/// first, then each type. <see cref="Pending"/> and <see cref="Processing"/> count every unfinished session now.
/// </summary>
public sealed record SessionStats(
    DateTimeOffset CollectedAt,
    int WindowMinutes,
    IReadOnlyList<SessionMinuteCounts> Minutes,
    IReadOnlyList<SessionStatusCount> ByStatus,
    long Pending,
    long Processing,
    IReadOnlyList<SessionDurationPercentiles> QueueTime,
    IReadOnlyList<SessionDurationPercentiles> InferenceLatency);
