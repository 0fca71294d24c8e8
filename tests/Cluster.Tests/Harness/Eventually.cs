namespace MindPeeker.Cluster.Tests.Harness;

/// <summary>
/// Waits on a condition that another process makes true (a silo becoming Active, a row turning Dead). There is
/// no event to await across processes, so it polls on a short interval, on the real clock, with a generous
/// deadline, and fails with a description of what it waited for.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string description, TimeSpan? deadline = null)
        where T : class
    {
        var limit = deadline ?? DefaultDeadline;
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {description}.");
            }

            await Task.Delay(Interval, TimeProvider.System);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string description, TimeSpan? deadline = null) =>
        WaitForAsync(async () => await condition() ? description : null, description, deadline);
}
