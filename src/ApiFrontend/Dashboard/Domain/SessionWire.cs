namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>A silo's answer to <c>dashboard.sessions</c> (the same from every silo): read from the <c>sessions</c> table.</summary>
internal sealed record SessionStatsAnswer(
    DateTimeOffset CollectedAt,
    int WindowMinutes,
    IReadOnlyList<SessionMinuteAnswer> Minutes,
    IReadOnlyList<SessionStatusCount> ByStatus,
    long Pending,
    long Processing,
    IReadOnlyList<TypeDurationPercentiles> QueueTime,
    IReadOnlyList<TypeDurationPercentiles> InferenceLatency);

/// <summary>Sessions of one type in one minute: created in it, and finished in it by outcome.</summary>
internal sealed record SessionMinuteAnswer(DateTimeOffset Minute, string SessionType, long Created, long Completed, long Failed, long Cancelled);
