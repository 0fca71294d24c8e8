namespace MindPeeker.Runtime;

/// <summary>
/// A handle to a registered reminder (Orleans' <c>IGrainReminder</c>), returned by
/// <c>RegisterOrUpdateReminder</c> and <c>GetReminder</c>; pass it to <c>UnregisterReminder</c>. Immutable.
/// </summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
