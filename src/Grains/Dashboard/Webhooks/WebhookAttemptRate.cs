using MindPeeker.Grains.Dashboard.RateLimits;

namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>
/// The webhook delivery attempts this silo made, succeeded and failed, per second for the last minute (constant memory;
/// one short lock per attempt). Thread-safe.
/// </summary>
public sealed class WebhookAttemptRate(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly PerSecondCounts _succeeded = new();
    private readonly PerSecondCounts _failed = new();

    /// <summary>Counts one attempt that got an answer or an error (not one the breaker or bulkhead refused).</summary>
    public void Record(bool succeeded)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            (succeeded ? _succeeded : _failed).Add(now);
        }
    }

    /// <summary>Succeeded and failed attempts in the last <paramref name="seconds"/> complete seconds.</summary>
    public (long Succeeded, long Failed) Last(int seconds)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return (_succeeded.SumOfLast(now, seconds), _failed.SumOfLast(now, seconds));
        }
    }
}
