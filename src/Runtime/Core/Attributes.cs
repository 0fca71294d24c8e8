namespace MindPeeker.Runtime;

/// <summary>
/// Lets every call to this grain class interleave with others at await points. Turns still never
/// run in parallel: an activation executes one piece of code at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>Calls to this interface method interleave with any other call, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>Calls to this interface method do not change state: they interleave with other read-only calls only.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>
/// Pins the grain type name used in <see cref="GrainId"/>. Without it the name is the class name,
/// lower-cased, minus a trailing <c>Grain</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}

/// <summary>
/// Marks a grain class as a stateless worker: a local pool of up to <see cref="MaxLocalWorkers"/>
/// activations per silo (default: the processor count), no directory entry, a new worker only
/// when all existing ones are busy.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = -1) : Attribute
{
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}

/// <summary>Overrides the idle collection age for one grain class (default 15 minutes).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Days { get; init; }

    public double Hours { get; init; }

    public double Minutes { get; init; }

    /// <summary>Never collect activations of this class for idleness.</summary>
    public bool AlwaysActive { get; init; }
}

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the state name
/// and the storage provider that holds it (default <c>Default</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}

/// <summary>
/// Places new activations of this grain class only on silos that advertise <see cref="Role"/> (for example
/// <c>gpu</c>). With no such silo active, calls fail at once with a <see cref="SiloUnavailableException"/>
/// naming the role, unless <c>Silo:Placement:RoleFallbacks</c> allows another role.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RolePlacementAttribute(string role) : Attribute
{
    public string Role { get; } = role;
}

/// <summary>Places a new activation on the silo whose code made the first call, when it is compatible (chatty grains).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PreferLocalPlacementAttribute : Attribute;

/// <summary>Places a new activation on a random compatible silo: the default, stated explicitly.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RandomPlacementAttribute : Attribute;
