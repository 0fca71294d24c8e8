namespace MindPeeker.Runtime;

/// <summary>
/// Implemented by grain classes that register reminders (Orleans' <c>IRemindable</c>). A reminder is a
/// durable row: it outlives activations and silo restarts, and each tick arrives as a call of
/// <see cref="ReceiveReminder"/> that activates the grain when needed. Ticks can be missed (the owning
/// silo was down or busy with the previous tick) or, while reminder ownership moves between silos,
/// delivered twice: handlers must be idempotent.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>Receives one tick of the reminder <paramref name="reminderName"/>; <paramref name="status"/> tells which.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
