using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Sessions;

/// <summary>How often an unfinished session's watchdog reminder fires. Bound from <c>Sessions:Watchdog</c>.</summary>
public sealed class SessionWatchdogOptions
{
    public const string SectionName = "Sessions:Watchdog";

    /// <summary>
    /// Due time and period of the watchdog reminder: the longest a session waits, after its silo died and the
    /// cluster noticed, before another silo resumes it. Default 1 minute (Orleans' minimum reminder period); must not
    /// be below <c>Silo:Reminders:MinimumReminderPeriod</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);
}
