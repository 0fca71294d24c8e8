using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Realtime;

/// <summary>How session-update notifiers batch under load. Bound from <c>Realtime:Notifier</c>.</summary>
public sealed class SessionUpdateNotifierOptions
{
    public const string SectionName = "Realtime:Notifier";

    /// <summary>The most updates one observer call carries. Default 100, as in Orleans' GPS-tracker sample.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// How long a notifier reuses the front-end observer list before reading it again from the hub list grain.
    /// Default 2 seconds: a new front end gets updates within that time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ObserverListRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a front end's observer stays listed without being renewed. Default 2 minutes; front ends renew
    /// every 30 seconds (<c>Realtime:ObserverRenewal</c>), so a crashed one drops out after at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(2);
}
