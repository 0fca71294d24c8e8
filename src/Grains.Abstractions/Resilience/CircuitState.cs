namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>The states of a circuit breaker (Polly v8's, plus the administrator's isolation).</summary>
public enum CircuitState
{
    /// <summary>Calls flow; outcomes are sampled to decide whether to open.</summary>
    Closed,

    /// <summary>Calls are refused until the break duration has passed; then the first caller becomes the trial.</summary>
    Open,

    /// <summary>One trial call is in flight cluster-wide; every other call is refused.</summary>
    HalfOpen,

    /// <summary>Held open by an administrator until reset; no trial is ever let through.</summary>
    Isolated,
}
