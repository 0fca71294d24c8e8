namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// Counts per wall-clock second for the last <see cref="Seconds"/> seconds in a fixed ring of slots (constant memory).
/// Not thread-safe: the owner serializes calls.
/// </summary>
internal sealed class PerSecondCounts
{
    /// <summary>How many seconds of history the ring holds.</summary>
    public const int Seconds = 64;

    private readonly long[] _second = new long[Seconds];
    private readonly long[] _count = new long[Seconds];

    /// <summary>Adds <paramref name="amount"/> to the second of <paramref name="now"/>.</summary>
    public void Add(DateTimeOffset now, long amount = 1)
    {
        var second = now.ToUnixTimeSeconds();
        var slot = (int)(second % Seconds);
        if (_second[slot] != second)
        {
            _second[slot] = second;
            _count[slot] = 0;
        }

        _count[slot] += amount;
    }

    /// <summary>The total of the <paramref name="seconds"/> complete seconds before the second of <paramref name="now"/>.</summary>
    public long SumOfLast(DateTimeOffset now, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, Seconds - 1);
        var current = now.ToUnixTimeSeconds();
        long sum = 0;
        for (var second = current - seconds; second < current; second++)
        {
            var slot = (int)(second % Seconds);
            if (_second[slot] == second)
            {
                sum += _count[slot];
            }
        }

        return sum;
    }
}
