using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Hosting;

/// <summary>Idle collection and activation limits, with Orleans' defaults. Bound from <c>Silo:GrainCollection</c>.</summary>
public sealed class GrainCollectionOptions
{
    public const string SectionName = "Silo:GrainCollection";

    /// <summary>How often idle activations are looked for. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an activation may sit idle before it is deactivated. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-class collection ages, keyed by the grain class's full name; <see cref="CollectionAgeLimitAttribute"/> wins over these.</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = new(StringComparer.Ordinal);

    /// <summary>Budget for OnActivateAsync (its cancellation token fires after it). Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Budget for OnDeactivateAsync. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
