namespace MindPeeker.Runtime.Management;

/// <summary>The names of the silo control handlers every silo has for the admin dashboard.</summary>
public static class DashboardControlNames
{
    /// <summary>No argument; answers a <see cref="Statistics.SiloDashboardReport"/> (cumulative counters and resources).</summary>
    public const string Silo = "dashboard.silo";

    /// <summary>Argument <see cref="GrainInspectionRequest"/>; answers a <see cref="GrainInspection"/>. Never activates a grain.</summary>
    public const string Grain = "dashboard.grain";

    /// <summary>No argument; answers the <see cref="ReminderListing"/>s the silo schedules.</summary>
    public const string Reminders = "dashboard.reminders";
}
