namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// The Standard Webhooks retry schedule: the first attempt immediately, then retries 5 s, 5 min, 30 min, 2 h, 5 h,
/// 10 h, 14 h, 20 h and 24 h after the previous failure (10 attempts in all), each delay jittered by ±20 % so that
/// many deliveries failing together do not come back together. Stateless; thread safe.
/// </summary>
internal static class WebhookRetrySchedule
{
    /// <summary>The relative jitter: a delay d becomes a uniform value in [0.8 d, 1.2 d].</summary>
    public const double Jitter = 0.2;

    /// <summary>The wait before each retry; index i is the wait after attempt i + 1 failed.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];

    /// <summary>All attempts of one schedule: the immediate one and one per delay.</summary>
    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>
    /// The wait after <paramref name="attemptsMade"/> failed attempts (1-based), jittered with <paramref name="unitRandom"/>
    /// (uniform in [0, 1)); null when the schedule is exhausted and the delivery is dead.
    /// </summary>
    public static TimeSpan? DelayAfter(int attemptsMade, double unitRandom)
    {
        if (attemptsMade < 1 || attemptsMade > Delays.Count)
        {
            return attemptsMade < 1 ? TimeSpan.Zero : null;
        }

        var factor = 1 + (((2 * unitRandom) - 1) * Jitter);
        return Delays[attemptsMade - 1] * factor;
    }
}
