namespace MindPeeker.Runtime;

/// <summary>Options for a grain timer, named as in Orleans.</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>
    /// When true the callback may interleave with grain calls (like <see cref="AlwaysInterleaveAttribute"/>);
    /// by default a tick waits for running calls and no call starts while it runs.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>When true a tick counts as activity and postpones idle collection; by default it does not.</summary>
    public bool KeepAlive { get; init; }
}
