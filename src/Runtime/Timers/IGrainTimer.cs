namespace MindPeeker.Runtime;

/// <summary>
/// A timer registered by <see cref="Grain.RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>.
/// Its callback runs as a turn of the activation; it dies with the activation. Dispose to stop it.
/// </summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer; <see cref="Timeout.InfiniteTimeSpan"/> as the period makes it one-shot.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
