namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>How a half-open trial call ended.</summary>
public enum TrialOutcome
{
    /// <summary>The dependency answered well: counts towards closing the breaker.</summary>
    Succeeded,

    /// <summary>The dependency failed: the breaker opens again for another break duration.</summary>
    Failed,

    /// <summary>The caller gave up (cancelled) before an outcome: the permit is returned, nothing is learnt.</summary>
    Abandoned,
}
