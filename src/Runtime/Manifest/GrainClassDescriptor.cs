using System.ComponentModel;

namespace MindPeeker.Runtime.Manifest;

/// <summary>Creates a grain instance; runs while the activation's context is being constructed.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object GrainActivator(IServiceProvider services, IGrainContext context);

/// <summary>What the runtime knows about one grain class, emitted by the code generator.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainClassDescriptor(Type grainClass, string grainType, Type[] interfaces, GrainActivator activator)
{
    public Type GrainClass { get; } = grainClass;

    /// <summary>The type part of the <see cref="GrainId"/>.</summary>
    public string GrainType { get; } = grainType;

    /// <summary>The grain interfaces the class implements (including inherited ones).</summary>
    public IReadOnlyList<Type> Interfaces { get; } = interfaces;

    public GrainActivator Activator { get; } = activator;

    public bool IsReentrant { get; init; }

    /// <summary>0 for an ordinary grain; otherwise the stateless worker limit (-1: processor count).</summary>
    public int StatelessWorkerMaxLocal { get; init; }

    public bool IsStatelessWorker => StatelessWorkerMaxLocal != 0;

    /// <summary>From <see cref="CollectionAgeLimitAttribute"/>; <c>null</c> uses the configured default.</summary>
    public TimeSpan? CollectionAge { get; init; }

    /// <summary>From <see cref="CollectionAgeLimitAttribute.AlwaysActive"/>.</summary>
    public bool AlwaysActive { get; init; }

    /// <summary>From <see cref="RolePlacementAttribute"/>: activations only on silos advertising this role; null = any silo.</summary>
    public string? PlacementRole { get; init; }

    /// <summary>From <see cref="PreferLocalPlacementAttribute"/>: activate on the calling silo when it is compatible.</summary>
    public bool PreferLocalPlacement { get; init; }
}
