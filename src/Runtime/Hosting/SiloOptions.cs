using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Hosting;

/// <summary>Identity of this silo. Bound from <c>Silo</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Name shown in diagnostics. Default: the machine name.</summary>
    [Required]
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>Roles this silo advertises (for example <c>cpu</c>, <c>gpu</c>). Default <c>cpu</c>.</summary>
    public List<string> Roles { get; } = ["cpu"];
}
