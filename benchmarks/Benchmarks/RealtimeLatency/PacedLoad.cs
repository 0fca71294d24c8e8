using System.Diagnostics;

namespace MindPeeker.Benchmarks.RealtimeLatency;

/// <summary>
/// An open-loop load spread over sessions: each session acts every <c>sessions / rate</c> seconds,
/// starting at a random offset within its first period, and waits for its previous action first
/// (a session grain changes one thing at a time). The total pace is <c>rate</c> actions per second.
/// </summary>
internal static class PacedLoad
{
    /// <summary>How many actions a run of <paramref name="duration"/> makes in all.</summary>
    public static int ActionsPerSession(double ratePerSecond, int sessions, TimeSpan duration) =>
        Math.Max(1, (int)(duration.TotalSeconds * ratePerSecond / sessions));

    public static Task RunAsync(int sessions, double ratePerSecond, int actionsPerSession, Func<int, int, Task> action)
    {
        var period = TimeSpan.FromSeconds(sessions / ratePerSecond);
        var started = Stopwatch.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, sessions).Select(async session =>
        {
            var due = period * Random.Shared.NextDouble();
            for (var i = 0; i < actionsPerSession; i++)
            {
                var wait = due - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await action(session, i);
                due += period;
            }
        }));
    }
}
