using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// A silo's receiver of breaker state changes: one per silo (its dependency guard), subscribed to each breaker
/// it guards calls for. Calls may arrive in any order; keep the snapshot with the highest version.
/// </summary>
public interface ICircuitBreakerObserver : IGrainObserver
{
    Task OnBreakerChanged(CircuitBreakerSnapshot snapshot);
}
