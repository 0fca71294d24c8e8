namespace MindPeeker.Runtime.Cluster.Placement;

/// <summary>Placement settings. Bound from <c>Silo:Placement</c>.</summary>
public sealed class PlacementOptions
{
    public const string SectionName = "Silo:Placement";

    /// <summary>
    /// Roles that may stand in when no silo of a pinned role is active, for example <c>gpu: [cpu]</c> lets
    /// inference run on CPU silos while no GPU silo is up. Empty by default: pinned calls then fail fast.
    /// </summary>
    public Dictionary<string, List<string>> RoleFallbacks { get; } = new(StringComparer.OrdinalIgnoreCase);
}
