namespace MindPeeker.Grains.Resilience.Controller;

/// <summary>
/// The controller's answer to a trial request: <see cref="PermitId"/> (positive when granted, zero when the
/// breaker is closed and no trial is needed), or <see cref="RetryAfter"/> when refused; plus the state change
/// the request caused (open → half-open), if any.
/// </summary>
internal sealed record TrialGrant(bool Permitted, long PermitId, TimeSpan RetryAfter, CircuitTransition? Transition);
