using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Resilience;

public static class ResilienceSiloBuilderExtensions
{
    /// <summary>
    /// Adds the silo's <see cref="DependencyGuard"/> and the circuit breaker grains' services: options from
    /// <c>Resilience:Breakers</c> and <c>Resilience:Bulkheads</c> (validated on start) and the
    /// <c>circuit_breakers</c> table (needs the host's <c>NpgsqlDataSource</c> and MindPeeker's migrations). Idempotent.
    /// </summary>
    public static ISiloBuilder AddCircuitBreakers(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(CircuitBreakerTable)))
        {
            // Binding twice would append every configured override a second time.
            return builder;
        }

        services.AddOptions<CircuitBreakerOptions>().BindConfiguration(CircuitBreakerOptions.SectionName).ValidateOnStart();
        services.AddOptions<BulkheadOptions>().BindConfiguration(BulkheadOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CircuitBreakerOptions>, CircuitBreakerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BulkheadOptions>, BulkheadOptionsValidator>());
        services.TryAddSingleton<CircuitBreakerTable>();
        services.TryAddSingleton<DependencyGuard>();
        return builder;
    }
}
