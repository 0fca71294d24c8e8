namespace MindPeeker.EndToEnd.Cluster;

/// <summary>Waits on other processes: re-checks a condition every 100 ms until it holds or a deadline passes.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once <paramref name="condition"/> is true; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        while (!await condition())
        {
            if (time.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what()}");
            }

            await Task.Delay(Interval, time);
        }
    }
}
