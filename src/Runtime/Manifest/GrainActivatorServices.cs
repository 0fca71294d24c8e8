using System.ComponentModel;

namespace MindPeeker.Runtime.Manifest;

/// <summary>Service lookups used by generated grain activators; errors name the missing service.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainActivatorServices
{
    public static T Get<T>(IServiceProvider services, Type grainClass)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(
                $"Cannot activate {grainClass.FullName}: no service of type {typeof(T).FullName} is registered.");
    }

    public static T? GetOptional<T>(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service ? service : default;
    }
}
