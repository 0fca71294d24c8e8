using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// The circuit breaker of one external dependency, keyed by its name (<c>webhook:{endpointId}</c>,
/// <c>ai:{provider}:{model}</c>). Closed → open → half-open with Polly v8 semantics over the outcomes every silo
/// reports; exactly one trial call cluster-wide while half-open; manual isolation and reset. State changes are
/// persisted, audited and pushed to subscribed observers. Callers normally go through the silo's
/// <c>DependencyGuard</c>, which caches the state and batches reports, rather than calling this per request.
/// </summary>
public interface ICircuitBreakerGrain : IGrainWithStringKey
{
    /// <summary>Adds or renews <paramref name="observer"/> (expires unless renewed) and returns the current snapshot.</summary>
    Task<CircuitBreakerSnapshot> Subscribe(ICircuitBreakerObserver observer);

    Task Unsubscribe(ICircuitBreakerObserver observer);

    /// <summary>Adds one silo's outcomes to the sampling window (counted only while closed); may open the breaker.</summary>
    Task<CircuitBreakerSnapshot> ReportOutcomes(OutcomeReport report);

    /// <summary>Asks for the half-open trial permit: granted to one caller cluster-wide per break duration.</summary>
    Task<TrialDecision> AcquireTrial();

    /// <summary>Reports the trial of <paramref name="permitId"/>; a lapsed or unknown permit is ignored.</summary>
    Task<CircuitBreakerSnapshot> CompleteTrial(long permitId, TrialOutcome outcome);

    [ReadOnly]
    Task<CircuitBreakerStatus> GetStatus();

    /// <summary>Holds the breaker open until <see cref="Reset"/>, whatever the dependency does.</summary>
    Task<CircuitBreakerStatus> Isolate(CircuitBreakerActor actor);

    /// <summary>Closes the breaker and forgets the sampling window (also ends an isolation).</summary>
    Task<CircuitBreakerStatus> Reset(CircuitBreakerActor actor);
}
