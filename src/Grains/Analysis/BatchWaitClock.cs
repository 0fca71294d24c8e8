namespace MindPeeker.Grains.Analysis;

/// <summary>
/// The clock that times <see cref="AnalysisBatchingOptions.MaxBatchWait"/>. <c>AddAnalysis</c> registers the real clock
/// (<see cref="TimeProvider.System"/>) even when the silo runs on another <see cref="TimeProvider"/>: the batch wait is a
/// few milliseconds of inference latency, not domain time, so a silo whose clock a test has frozen still answers its
/// analyses. Register an instance before <c>AddAnalysis</c> to drive the wait with a fake clock.
/// </summary>
public sealed class BatchWaitClock(TimeProvider timeProvider)
{
    public TimeProvider TimeProvider { get; } = timeProvider;
}
