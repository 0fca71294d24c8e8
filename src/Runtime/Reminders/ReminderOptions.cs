namespace MindPeeker.Runtime.Reminders;

/// <summary>Reminder service settings, bound from <c>Silo:Reminders</c> and validated at start-up by <see cref="ReminderOptionsValidator"/>.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Silo:Reminders";

    /// <summary>
    /// The shortest period a reminder may have; registering a shorter one throws <see cref="ArgumentOutOfRangeException"/>.
    /// Default 1 min, as Orleans: reminders are for coarse, durable schedules; use grain timers for anything finer.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the silo re-reads the reminders of its ring ranges. It also re-reads them at start and on every
    /// membership change; the periodic read picks up reminders that grains on other silos registered in this
    /// silo's ranges, so it bounds how late such a reminder's first tick can be. Default 1 min (Orleans 5 min).
    /// </summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
