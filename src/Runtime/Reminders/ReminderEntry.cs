namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// One row of the reminder table (Orleans' <c>ReminderEntry</c>): grain, name, when the first tick is due,
/// the period, and the row's <see cref="ETag"/> (null before it is written). Immutable.
/// </summary>
public sealed record ReminderEntry
{
    public required GrainId GrainId { get; init; }

    public required string ReminderName { get; init; }

    /// <summary>When the first tick is due; later ticks fall on whole periods after it.</summary>
    public required DateTimeOffset StartAt { get; init; }

    public required TimeSpan Period { get; init; }

    /// <summary>The row's version as text; every upsert changes it.</summary>
    public string? ETag { get; init; }
}
