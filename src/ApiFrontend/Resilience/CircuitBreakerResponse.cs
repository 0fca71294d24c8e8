using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.ApiFrontend.Resilience;

/// <summary>
/// A breaker in the admin API. <c>state</c>: closed | open | half_open | isolated. <c>failure_ratio</c> (0–1) and
/// <c>throughput</c> cover the sampling window across all silos; <c>next_trial_at</c> and <c>retry_after</c>
/// (whole seconds from now) say when a trial call is next let through (null when closed or isolated).
/// </summary>
internal sealed record CircuitBreakerResponse(
    string Dependency,
    string State,
    double FailureRatio,
    int Throughput,
    int Failures,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? NextTrialAt,
    int? RetryAfter,
    bool Isolated,
    DateTimeOffset UpdatedAt)
{
    public static CircuitBreakerResponse From(CircuitBreakerStatus status, DateTimeOffset now) => new(
        status.Dependency,
        CircuitStateNames.Of(status.State),
        Math.Round(status.FailureRatio, 4),
        status.Throughput,
        status.Failures,
        status.OpenedAt,
        status.NextTrialAt,
        status.NextTrialAt is { } at ? (int)Math.Max(0, Math.Ceiling((at - now).TotalSeconds)) : null,
        status.Isolated,
        status.UpdatedAt);
}
