namespace MindPeeker.Grains.Sessions;

/// <summary>
/// The analysis pipeline's constants: progress at each stage (started 5 %, then an even share of
/// 90 % per analysis type, completed 100 %) and the pace of the grain timer that drives it.
/// </summary>
internal static class SessionPipeline
{
    public const int StartedProgress = 5;

    public const int CompletedProgress = 100;

    /// <summary>The gap between two stages: a timer period (counted from the end of a stage), not a wait for anything.</summary>
    public static readonly TimeSpan StagePeriod = TimeSpan.FromMilliseconds(1);

    /// <summary>The first retry of a stage whose write PostgreSQL refused; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>An analysis call that times out is tried this often in all before the session fails.</summary>
    public const int MaxAnalysisAttempts = 3;

    /// <summary>
    /// An analysis no silo could take (<c>SiloUnavailableException</c>) is tried this often in all, with the retry
    /// delays in between (1 + 2 + 4 s: longer than the cluster takes to declare a killed silo dead), before the session fails.
    /// </summary>
    public const int MaxUnavailableAttempts = 4;

    /// <summary>Progress once <paramref name="done"/> of <paramref name="total"/> analyses have their result.</summary>
    public static int ProgressAfter(int done, int total) =>
        total == 0 ? CompletedProgress - 5 : StartedProgress + (int)Math.Round(90.0 * done / total, MidpointRounding.ToZero);
}
