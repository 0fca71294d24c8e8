using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.RateLimiting.Controller;

/// <summary>
/// Token bucket: holds up to <see cref="RateLimitRule.BurstLimit"/> tokens, refilled continuously at
/// <see cref="RateLimitRule.PermitLimit"/> per <see cref="RateLimitRule.Window"/>. Exact integer arithmetic:
/// the level is kept in token × window-ticks, so one elapsed tick adds exactly PermitLimit units and one
/// token costs exactly Window.Ticks units (no rounding drift however the calls are spaced).
/// </summary>
internal sealed class TokenBucket : RateLimitBucket
{
    private long _windowTicks;
    private long _rate;
    private long _capacity;
    private long _level;
    private long _refilledAt;

    public TokenBucket(RateLimitRule rule, TimeProvider time, int used)
        : base(rule, time)
    {
        SetRule(rule);
        _refilledAt = Now;
        _level = Math.Max(0, _capacity - ((long)Math.Clamp(used, 0, rule.BurstLimit) * _windowTicks));
    }

    public override int Used => (int)CeilingDivide(_capacity - _level, _windowTicks);

    protected override int Remaining => (int)(_level / _windowTicks);

    protected override bool CanTake => _level >= _windowTicks;

    protected override void Advance(long now)
    {
        // A clock that moved back refills nothing until it passes the last refill again.
        if (now > _refilledAt)
        {
            _level = (long)Int128.Min(_capacity, _level + ((Int128)(now - _refilledAt) * _rate));
            _refilledAt = now;
        }
    }

    protected override void Take() => _level -= _windowTicks;

    protected override long ResetAt(long now) => now + CeilingDivide(_capacity - _level, _rate);

    protected override long RetryAt(long now) => now + CeilingDivide(_windowTicks - _level, _rate);

    protected override void Apply(RateLimitRule previous, RateLimitRule next)
    {
        // Keep the used part, converted from the old window's units to the new one's.
        var used = (Int128)(_capacity - _level) * next.Window.Ticks / previous.Window.Ticks;
        SetRule(next);
        _level = (long)Int128.Max(0, _capacity - used);
    }

    private void SetRule(RateLimitRule rule)
    {
        _windowTicks = rule.Window.Ticks;
        _rate = rule.PermitLimit;
        _capacity = rule.BurstLimit * _windowTicks;
    }
}
