using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Runtime.Hosting;

public static class SiloControlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> as a singleton silo control handler of this silo: any
    /// <see cref="ISiloControl"/> of the cluster (silos and clients) can then ask this silo to run it by its
    /// <see cref="ISiloControlHandler.Name"/>. Register before the host is built.
    /// </summary>
    public static IServiceCollection AddSiloControlHandler<THandler>(this IServiceCollection services)
        where THandler : class, ISiloControlHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<THandler>();
        services.AddSingleton<ISiloControlHandler>(sp => sp.GetRequiredService<THandler>());
        return services;
    }

    /// <summary>The handler registry and options every silo has; <see cref="ISiloControl"/> itself depends on the hosting mode.</summary>
    internal static IServiceCollection AddSiloControl(this IServiceCollection services)
    {
        services.AddOptions<SiloControlOptions>().BindConfiguration(SiloControlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SiloControlHandlers>();
        return services;
    }
}
