using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// The breakers the cluster knows (every dependency a guard ever ran a call for), for administrators. A
/// stateless worker: call with key 0. Statuses come live from each breaker grain.
/// </summary>
public interface ICircuitBreakerRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="limit"/> breakers, newest first, after the dependency <paramref name="startingAfter"/>.</summary>
    Task<CircuitBreakerPage> List(int limit, string? startingAfter);

    /// <summary>The breaker's status, or null when no such dependency was ever guarded.</summary>
    Task<CircuitBreakerStatus?> Find(string dependency);

    /// <summary>Whether <paramref name="dependency"/> is known.</summary>
    Task<bool> Contains(string dependency);
}
