using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Management;

/// <summary>Silo control settings (section <c>SiloControl</c>), validated on start.</summary>
public sealed class SiloControlOptions
{
    public const string SectionName = "SiloControl";

    /// <summary>How long <see cref="ISiloControl.AskAllAsync"/> waits for each silo before listing it as not answered. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
