namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// The answer to a request for the half-open trial permit. When <see cref="Permitted"/>, the caller runs the
/// trial and reports it with <see cref="PermitId"/> (zero when the breaker turned out to be closed: run normally).
/// Otherwise <see cref="RetryAfter"/> says when to ask again (zero when isolated: never by itself).
/// </summary>
public sealed record TrialDecision(bool Permitted, long PermitId, TimeSpan RetryAfter, CircuitBreakerSnapshot Snapshot);
