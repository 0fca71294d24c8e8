using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Realtime;

/// <summary>How session-update notifiers batch under load. Bound from <c>Realtime:Notifier</c>.</summary>
public sealed class SessionUpdateNotifierOptions
{
    public const string SectionName = "Realtime:Notifier";

    /// <summary>The most updates one observer call carries. Default 100, as in Orleans' GPS-tracker sample.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;
}
