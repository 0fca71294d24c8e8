using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Grains.Resilience;

/// <summary>The silo's <see cref="ICircuitBreakerObserver"/>: hands each pushed snapshot to the guard's cache.</summary>
internal sealed class GuardObserver(Action<CircuitBreakerSnapshot> onChanged) : ICircuitBreakerObserver
{
    public Task OnBreakerChanged(CircuitBreakerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        onChanged(snapshot);
        return Task.CompletedTask;
    }
}
