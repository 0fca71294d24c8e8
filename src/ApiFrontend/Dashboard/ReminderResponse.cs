namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>One reminder: its grain, name, period (seconds), first and next due times, and the silo that schedules it.</summary>
public sealed record ReminderResponse(
    string GrainId,
    string Name,
    double PeriodSeconds,
    DateTimeOffset StartAt,
    DateTimeOffset NextDue,
    string Silo,
    string SiloName);
