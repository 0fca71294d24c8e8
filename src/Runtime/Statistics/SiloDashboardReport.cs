namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// What the <c>dashboard.silo</c> silo control handler answers: cumulative counters of one silo at
/// <paramref name="SampledAt"/> (the silo's clock), for a front end to diff against its previous sample of the same
/// <paramref name="InstanceId"/> (a different id means the silo restarted and its counters began again at zero).
/// <paramref name="WaitingRequests"/> is the number of requests queued in activations, <paramref name="ThreadPoolQueueLength"/>
/// the work items waiting for a thread-pool thread.
/// </summary>
public sealed record SiloDashboardReport(
    Guid InstanceId,
    string SiloName,
    IReadOnlyList<string> Roles,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset SampledAt,
    ProcessResourceSample Process,
    IReadOnlyDictionary<string, int> ActivationsByGrainType,
    int WaitingRequests,
    long ThreadPoolQueueLength,
    IReadOnlyList<GrainMethodSnapshot> Methods);
