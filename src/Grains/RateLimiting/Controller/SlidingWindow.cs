using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.Grains.RateLimiting.Controller;

/// <summary>
/// Segmented sliding window, as System.Threading.RateLimiting's <c>SlidingWindowRateLimiter</c> counts:
/// the window is cut into <see cref="RateLimitRule.SegmentsPerWindow"/> equal segments, counted from the
/// bucket's creation; a request is admitted while the requests of the last N segments (the current one
/// included) stay under <see cref="RateLimitRule.PermitLimit"/>, and a segment's requests stop counting
/// one window after the segment began.
/// </summary>
internal sealed class SlidingWindow : RateLimitBucket
{
    private readonly long _origin;
    private int[] _counts;
    private long _segmentTicks;
    private long _head;
    private int _total;

    public SlidingWindow(RateLimitRule rule, TimeProvider time, int used)
        : base(rule, time)
    {
        _origin = Now;
        _counts = new int[rule.SegmentsPerWindow];
        _segmentTicks = rule.Window.Ticks / rule.SegmentsPerWindow;
        _counts[0] = _total = Math.Max(0, used);
    }

    public override int Used => _total;

    protected override int Remaining => Math.Max(0, Rule.PermitLimit - _total);

    protected override bool CanTake => _total < Rule.PermitLimit;

    private int Segments => _counts.Length;

    protected override void Advance(long now)
    {
        var current = Math.Max(0, now - _origin) / _segmentTicks;
        if (current - _head >= Segments)
        {
            Array.Clear(_counts);
            _total = 0;
        }
        else
        {
            for (var segment = _head + 1; segment <= current; segment++)
            {
                _total -= _counts[segment % Segments];
                _counts[segment % Segments] = 0;
            }
        }

        _head = Math.Max(_head, current);
    }

    protected override void Take()
    {
        _counts[_head % Segments]++;
        _total++;
    }

    protected override long ResetAt(long now)
    {
        for (var segment = _head; segment > _head - Segments && segment >= 0; segment--)
        {
            if (_counts[segment % Segments] > 0)
            {
                return SegmentStart(segment + Segments);
            }
        }

        return now;
    }

    protected override long RetryAt(long now)
    {
        // The oldest segments expire first; wait until enough of them have to bring the count under the limit.
        var mustFree = _total - Rule.PermitLimit + 1;
        var freed = 0;
        for (var segment = Math.Max(0, _head - Segments + 1); segment <= _head; segment++)
        {
            freed += _counts[segment % Segments];
            if (freed >= mustFree)
            {
                return SegmentStart(segment + Segments);
            }
        }

        return SegmentStart(_head + Segments);
    }

    protected override void Apply(RateLimitRule previous, RateLimitRule next)
    {
        if (next.Window == previous.Window && next.SegmentsPerWindow == previous.SegmentsPerWindow)
        {
            return;
        }

        // A different segmentation cannot keep the old segments' ages: count everything as used now (the safe side).
        _counts = new int[next.SegmentsPerWindow];
        _segmentTicks = next.Window.Ticks / next.SegmentsPerWindow;
        _head = Math.Max(0, Now - _origin) / _segmentTicks;
        _counts[_head % Segments] = _total;
    }

    private long SegmentStart(long segment) => _origin + (segment * _segmentTicks);
}
