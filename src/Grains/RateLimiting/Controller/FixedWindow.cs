using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.RateLimiting.Controller;

/// <summary>
/// Fixed window: at most <see cref="RateLimitRule.PermitLimit"/> requests per <see cref="RateLimitRule.Window"/>;
/// a window begins with the first request after the previous window ended, and the count starts again at zero.
/// </summary>
internal sealed class FixedWindow : RateLimitBucket
{
    private long _windowStart;
    private int _count;

    public FixedWindow(RateLimitRule rule, TimeProvider time, int used)
        : base(rule, time)
    {
        _windowStart = Now;
        _count = Math.Max(0, used);
    }

    public override int Used => _count;

    protected override int Remaining => Math.Max(0, Rule.PermitLimit - _count);

    protected override bool CanTake => _count < Rule.PermitLimit;

    private long WindowEnd => _windowStart + Rule.Window.Ticks;

    protected override void Advance(long now)
    {
        if (now >= WindowEnd)
        {
            _windowStart = now;
            _count = 0;
        }
    }

    protected override void Take() => _count++;

    protected override long ResetAt(long now) => _count == 0 ? now : WindowEnd;

    protected override long RetryAt(long now) => WindowEnd;
}
