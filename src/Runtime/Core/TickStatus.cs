namespace MindPeeker.Runtime;

/// <summary>
/// Describes one reminder tick (Orleans' <c>TickStatus</c>): when the reminder first came due, its period, and
/// when this tick came due by the owning silo's clock. Ticks are aligned to <see cref="FirstTickTime"/> plus
/// whole periods, so a gap of more than one <see cref="Period"/> between ticks means ticks were missed.
/// </summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime)
{
    public override string ToString() => $"first {FirstTickTime:O}, period {Period}, current {CurrentTickTime:O}";
}
