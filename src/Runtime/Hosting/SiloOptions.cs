using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Hosting;

/// <summary>Identity of this silo. Bound from <c>Silo</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Name shown in diagnostics. Default: the machine name.</summary>
    [Required]
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>
    /// The cluster this silo belongs to: silos and front ends with the same id and database form one cluster.
    /// Default <c>dev</c>.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._\-]{1,100}$")]
    public string ClusterId { get; set; } = "dev";

    /// <summary>
    /// Roles this silo advertises (for example <c>cpu</c>, <c>gpu</c>); <c>--role</c> on the silo's command line
    /// sets the first. Empty (the default) means <c>cpu</c>.
    /// </summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The roles advertised: <see cref="Roles"/>, or <c>cpu</c> when none is configured.</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count == 0 ? ["cpu"] : Roles;
}
