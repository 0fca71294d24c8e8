using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Hosting;

/// <summary>
/// The silo's composition root, like Orleans' <c>DefaultSiloServices</c>: everything is registered
/// with <c>TryAdd*</c>, so a host or test registering its own <see cref="TimeProvider"/> first wins.
/// </summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>Adds a silo to the host; <paramref name="configure"/> adds grain assemblies, storage and filters.</summary>
    public static IHostApplicationBuilder UseSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSilo(builder.Configuration, configure);
        return builder;
    }

    public static IServiceCollection AddSilo(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().BindConfiguration(GrainCollectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new GrainTypeRegistry(sp.GetRequiredService<IOptions<GrainAssemblyOptions>>().Value.Assemblies));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SiloRuntime>(sp));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.TryAddSingleton(sp => new SiloStatistics(sp.GetRequiredService<SiloRuntime>(), sp.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName));
        services.AddSiloControl();
        services.AddGrainCallStatistics(configuration);

        configure(new SiloBuilder(services, configuration));

        // After the configure callback, so storage migrations registered there start before the silo turns Active.
        services.TryAddSingleton<Cluster.IClusterRuntimeView, LocalRuntimeView>();
        services.TryAddSingleton<Management.ISiloControl, Management.LocalSiloControl>();
        services.TryAddSingleton<Silo>();
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        return services;
    }

    /// <summary>Loads the grain interfaces and classes of <paramref name="assembly"/> and of the grain assemblies it references.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<GrainAssemblyOptions>(options => options.Assemblies.Add(assembly));
        return builder;
    }

    /// <summary>Adds a filter that runs around every incoming grain call, in registration order.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, Filters.IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<Filters.IIncomingGrainCallFilter, TFilter>();
        return builder;
    }
}
