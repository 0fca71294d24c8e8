using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Resilience;

/// <summary>
/// Lists the breakers of <c>circuit_breakers</c> with each one's live status (one call per breaker on the
/// page, in parallel). A stateless worker: any silo answers.
/// </summary>
[StatelessWorker]
internal sealed class CircuitBreakerRegistryGrain(CircuitBreakerTable table) : Grain, ICircuitBreakerRegistryGrain
{
    public async Task<CircuitBreakerPage> List(int limit, string? startingAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        var names = await table.ListAsync(limit + 1, startingAfter);
        var statuses = await Task.WhenAll(names.Take(limit).Select(name => GrainFactory.GetGrain<ICircuitBreakerGrain>(name).GetStatus()));
        return new CircuitBreakerPage(statuses, names.Count > limit);
    }

    public async Task<CircuitBreakerStatus?> Find(string dependency) =>
        await Contains(dependency) ? await GrainFactory.GetGrain<ICircuitBreakerGrain>(dependency).GetStatus() : null;

    public async Task<bool> Contains(string dependency) =>
        DependencyNames.IsValid(dependency) && await table.ContainsAsync(dependency);
}
