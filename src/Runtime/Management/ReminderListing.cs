namespace MindPeeker.Runtime.Management;

/// <summary>
/// One reminder as the silo scheduling it reports it for <c>dashboard.reminders</c>: grain id, reminder name,
/// period, the first due time and the next tick after the silo's now.
/// </summary>
public sealed record ReminderListing(string GrainId, string Name, TimeSpan Period, DateTimeOffset StartAt, DateTimeOffset NextDue);
