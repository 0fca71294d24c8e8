namespace MindPeeker.Runtime.Reminders;

/// <summary>The handle grains get for a registered reminder: its name and the ETag of the row it was read or written as.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
