using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.ApiFrontend.Tests.Resilience;

/// <summary>An administrator and an ordinary user, default settings.</summary>
public sealed class CircuitBreakersApiFixture() : AdminAndUserFixture(new Dictionary<string, string?>())
{
    /// <summary>Makes <paramref name="dependency"/> known, with the given outcomes in its window (enough failures open it).</summary>
    public Task<CircuitBreakerSnapshot> KnownBreakerAsync(string dependency, int successes, int failures) =>
        Grains.GetGrain<ICircuitBreakerGrain>(dependency).ReportOutcomes(new OutcomeReport(successes, failures));
}
